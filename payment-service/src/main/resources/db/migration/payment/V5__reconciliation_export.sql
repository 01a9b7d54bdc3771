-- D+1 reconciliation (#8). A collection now names the funding partner whose account receives it
-- (core-ledger's amounts due say whose loan it is); it is sent to the channel as fundingAccount,
-- as a payout's funding partner already is. Orders recorded before this stay without one.
alter table repayment_order add column funding_partner_id text;

-- The transactions export reads one calendar day by the time that puts a record on it: completion,
-- or submission while in flight; and a returned collection again on the day of its return.
create index disbursement_by_time on disbursement ((coalesce(completed_at, submitted_at, created_at)));
create index repayment_order_by_time on repayment_order ((coalesce(completed_at, submitted_at, created_at)));
create index repayment_order_by_return on repayment_order (reversed_at) where reversed_at is not null;
