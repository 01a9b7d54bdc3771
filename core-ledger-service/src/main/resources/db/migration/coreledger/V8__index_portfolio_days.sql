-- The ops dashboard reads money out and money in per business date over a range of days; with a
-- million loans these must be index range scans, not whole-table reads.
create index loan_account_by_start_date on loan_account (start_date);
create index repayment_applied_by_business_date on repayment (business_date) where status = 'APPLIED';
