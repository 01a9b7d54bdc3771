-- D+1 reconciliation (#8) reads a calendar day of drawdowns by when their money went out
-- (disbursed_at) or, for those that failed, by when they ended.
create index drawdown_by_disbursement on drawdown (disbursed_at) where disbursed_at is not null;
create index drawdown_failed_by_conclusion on drawdown (concluded_at) where state = 'FAILED';
