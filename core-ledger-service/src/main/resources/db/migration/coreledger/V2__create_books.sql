-- The double-entry books. The database itself guarantees what the ledger promises:
--   * every journal entry balances (debits = credits) and has at least two lines, checked at commit
--     by a deferred constraint trigger, so no code path (ours or a psql session) can commit an
--     unbalanced entry;
--   * entries and lines are append-only: UPDATE, DELETE and TRUNCATE are refused; a mistake is
--     corrected by a compensating (reversing) entry;
--   * a business event posts at most once (event_id is unique) and an entry is reversed at most
--     once (reverses is unique).

-- The chart of accounts is data. Balances are kept debit-positive (debit total - credit total), so
-- the trial balance is zero when the sum over all accounts is zero; normal_side says on which side
-- an account usually stands, for reading its balance the natural way round.
--   Assets (normally debit): what borrowers owe us, and suspense.
--     Suspense is an asset-side clearing account for amounts not yet identified; it should be
--     empty at the end of every day, and a balance on it is something for finance to chase.
--   Liabilities (normally credit): what we owe funding partners for the loans they fund, and
--     repayments received from customers but not yet allocated to a loan.
--   Income (normally credit) and expense (normally debit).
create table account (
    code        text primary key check (code ~ '^[0-9]{4}$'),
    name        text not null unique,
    type        text not null check (type in ('ASSET', 'LIABILITY', 'INCOME', 'EXPENSE')),
    normal_side text not null check (normal_side in ('DEBIT', 'CREDIT')),
    check ((type in ('ASSET', 'EXPENSE') and normal_side = 'DEBIT')
        or (type in ('LIABILITY', 'INCOME') and normal_side = 'CREDIT'))
);

insert into account (code, name, type, normal_side) values
    ('1101', 'Loan receivable - principal',      'ASSET',     'DEBIT'),
    ('1102', 'Interest receivable',              'ASSET',     'DEBIT'),
    ('1103', 'Penalty receivable',               'ASSET',     'DEBIT'),
    ('1999', 'Suspense',                         'ASSET',     'DEBIT'),
    ('2101', 'Funding-partner clearing',         'LIABILITY', 'CREDIT'),
    ('2201', 'Customer repayment clearing',      'LIABILITY', 'CREDIT'),
    ('4101', 'Interest income',                  'INCOME',    'CREDIT'),
    ('4102', 'Penalty income',                   'INCOME',    'CREDIT'),
    ('5101', 'Coupon expense',                   'EXPENSE',   'DEBIT'),
    ('5102', 'Write-off expense',                'EXPENSE',   'DEBIT');

create table journal_entry (
    id            uuid primary key,
    business_date date not null,
    posted_at     timestamptz not null default now(),
    event_type    text not null check (event_type <> ''),
    -- The idempotency key of the business event that caused the entry: a redelivery cannot post twice.
    event_id      text not null unique check (event_id <> ''),
    loan_id       uuid,
    -- A reversal names the entry it compensates; unique, so nothing is reversed twice.
    reverses      uuid unique references journal_entry (id),
    memo          text,
    check (reverses is null or reverses <> id)
);

create index journal_entry_business_date on journal_entry (business_date);
create index journal_entry_loan on journal_entry (loan_id) where loan_id is not null;

create table journal_line (
    entry_id        uuid not null references journal_entry (id),
    line_no         integer not null check (line_no > 0),
    account_code    text not null references account (code),
    side            text not null check (side in ('DEBIT', 'CREDIT')),
    -- numeric(19,2) would round 0.001 to 0.00; the check refuses that as well as negatives.
    amount          numeric(19, 2) not null check (amount > 0),
    funding_partner text,
    primary key (entry_id, line_no)
);

create index journal_line_account on journal_line (account_code);

-- Balance is checked at commit, not per statement: the lines of an entry arrive one insert at a time.
create function journal_entry_must_balance() returns trigger
    language plpgsql as $$
declare
    entry   uuid;
    lines   integer;
    debits  numeric;
    credits numeric;
begin
    -- Separate statements: PL/pgSQL resolves new's fields only when a statement runs.
    if tg_table_name = 'journal_entry' then
        entry := new.id;
    else
        entry := new.entry_id;
    end if;
    select count(*),
           coalesce(sum(amount) filter (where side = 'DEBIT'), 0),
           coalesce(sum(amount) filter (where side = 'CREDIT'), 0)
      into lines, debits, credits
      from journal_line
     where entry_id = entry;
    if lines < 2 then
        raise exception 'journal entry % has % line(s); an entry needs at least two', entry, lines
            using errcode = 'check_violation';
    end if;
    if debits <> credits then
        raise exception 'journal entry % is unbalanced: debits % <> credits %', entry, debits, credits
            using errcode = 'check_violation';
    end if;
    return null;
end
$$;

create constraint trigger journal_entry_balanced
    after insert on journal_entry
    deferrable initially deferred
    for each row execute function journal_entry_must_balance();

create constraint trigger journal_line_balanced
    after insert on journal_line
    deferrable initially deferred
    for each row execute function journal_entry_must_balance();

create function books_are_append_only() returns trigger
    language plpgsql as $$
begin
    raise exception '% is append-only: % refused; correct a posting with a reversing entry', tg_table_name, tg_op
        using errcode = 'restrict_violation';
end
$$;

create trigger journal_entry_append_only
    before update or delete on journal_entry
    for each row execute function books_are_append_only();

create trigger journal_entry_no_truncate
    before truncate on journal_entry
    for each statement execute function books_are_append_only();

create trigger journal_line_append_only
    before update or delete on journal_line
    for each row execute function books_are_append_only();

create trigger journal_line_no_truncate
    before truncate on journal_line
    for each statement execute function books_are_append_only();

-- Each account's cumulative totals at the end of a business date (every entry dated on or before it).
create table account_balance_snapshot (
    business_date date not null,
    account_code  text not null references account (code),
    debit_total   numeric(19, 2) not null check (debit_total >= 0),
    credit_total  numeric(19, 2) not null check (credit_total >= 0),
    balance       numeric(19, 2) not null,
    taken_at      timestamptz not null default now(),
    primary key (business_date, account_code),
    check (balance = debit_total - credit_total)
);
