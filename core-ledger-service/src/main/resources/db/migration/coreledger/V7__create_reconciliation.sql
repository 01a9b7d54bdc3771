-- D+1 reconciliation (#8).
-- A break ops staff resolve with money is booked against its own suspense account, never by editing
-- an entry: 1998 holds differences found between our books and a channel or funding partner until
-- finance clears them; 4105 and 5105 take the differences written off as gain or loss.
insert into account (code, name, type, normal_side) values
    ('1998', 'Reconciliation differences',          'ASSET',   'DEBIT'),
    ('4105', 'Reconciliation gains written off',    'INCOME',  'CREDIT'),
    ('5105', 'Reconciliation losses written off',   'EXPENSE', 'DEBIT');

-- One adjustment per break, whatever is re-sent: the break id is the key, and the entry it posted.
create table reconciliation_adjustment (
    break_id           text primary key check (break_id <> ''),
    kind               text not null check (kind in ('ADJUSTED_LEDGER', 'WRITTEN_OFF', 'REFUNDED')),
    direction          text not null check (direction in ('GAIN', 'LOSS')),
    amount             numeric(19, 2) not null check (amount > 0),
    loan_id            uuid,
    funding_partner_id text,
    reason             text not null check (reason <> ''),
    resolved_by        text not null check (resolved_by <> ''),
    journal_entry_id   uuid not null unique references journal_entry (id),
    created_at         timestamptz not null
);

-- The movements export reads one calendar day of postings by the wall-clock time they were written.
create index journal_entry_posted_at on journal_entry (posted_at);
create index repayment_journal_entry on repayment (journal_entry_id);
create index repayment_reversal_entry on repayment (reversal_entry_id) where reversal_entry_id is not null;
