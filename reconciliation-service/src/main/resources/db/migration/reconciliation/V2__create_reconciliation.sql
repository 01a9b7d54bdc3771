-- D+1 reconciliation: one run per business date, reconciliation and party; the records of a run's files
-- staged for matching; the breaks found, each with both sides' data and its history.

create table reconciliation_run (
    id              uuid primary key,
    business_date   date        not null,
    reconciliation  text        not null check (reconciliation in ('INTERNAL', 'CHANNEL', 'FUNDING_PARTNER')),
    party           text        not null,
    -- QUEUED -> RUNNING -> FINISHED; WAITING (a file is late or a source unreachable) and REJECTED (a bad file)
    -- are tried again every retry-interval until max-wait; FAILED when max-wait passed with no usable files.
    state           text        not null check (state in ('QUEUED', 'RUNNING', 'WAITING', 'REJECTED', 'FINISHED', 'FAILED')),
    detail          text,
    attempts        int         not null default 0,
    requested_by    text        not null,
    requested_at    timestamptz not null,
    request_reason  text,
    first_tried_at  timestamptz,
    started_at      timestamptz,
    finished_at     timestamptz,
    next_attempt_at timestamptz,
    our_read        bigint      not null default 0,
    their_read      bigint      not null default 0,
    our_total       numeric(19, 2) not null default 0,
    their_total     numeric(19, 2) not null default 0,
    matched         bigint      not null default 0,
    broken          bigint      not null default 0,
    pending         bigint      not null default 0,
    unique (business_date, reconciliation, party)
);
create index reconciliation_run_due on reconciliation_run (state, next_attempt_at);

-- The records of the run being matched, both sides: loaded with COPY, matched by one hash join, then deleted.
-- Unlogged: it is rebuilt from the files whenever a run is started again.
create unlogged table staged_record (
    run_id     uuid    not null,
    side       char(1) not null, -- O ours, T theirs
    leg        text    not null, -- which pair of sources the key belongs to (INTERNAL has two)
    record_key text    not null,
    kind       text    not null, -- PAYOUT or COLLECTION
    status     text    not null, -- SUCCESS, FAILED, PENDING, RETURNED
    amount     numeric(19, 2) not null,
    at         timestamptz,
    loan_id    text,
    line       text    not null
);
-- No key and no index: an index would slow every COPY and lure the planner into per-row lookups; a file's
-- duplicate keys are found by one aggregate after its load, and the matching reads the table in one pass.

-- What the join of a run found besides agreeing pairs, before it becomes breaks.
create unlogged table run_candidate (
    run_id        uuid not null,
    leg           text not null,
    record_key    text not null,
    break_class   text not null,
    kind          text not null,
    our_amount    numeric(19, 2),
    their_amount  numeric(19, 2),
    our_status    text,
    their_status  text,
    our_at        timestamptz,
    their_at      timestamptz,
    our_line      text,
    their_line    text,
    loan_id       text,
    pending       boolean not null default false,
    earlier_break uuid,
    primary key (run_id, leg, record_key)
);

create table reconciliation_break (
    id                uuid primary key,
    business_date     date        not null,
    reconciliation    text        not null,
    party             text        not null,
    leg               text        not null,
    record_key        text        not null,
    break_class       text        not null check (break_class in ('MISSING_ON_OUR_SIDE', 'MISSING_ON_THEIR_SIDE',
                                               'AMOUNT_MISMATCH', 'STATUS_MISMATCH', 'DATE_MISMATCH')),
    -- PENDING: held at the cut-off for the next day's run; then OPEN -> INVESTIGATING -> RESOLVED.
    state             text        not null check (state in ('PENDING', 'OPEN', 'INVESTIGATING', 'RESOLVED')),
    resolution        text check (resolution in ('ADJUSTED_LEDGER', 'REFUNDED', 'REPOSTED', 'WRITTEN_OFF',
                                                 'FALSE_ALARM', 'SELF_RESOLVED')),
    state_reason      text,
    kind              text        not null,
    our_amount        numeric(19, 2),
    their_amount      numeric(19, 2),
    our_status        text,
    their_status      text,
    our_at            timestamptz,
    their_at          timestamptz,
    our_line          text,
    their_line        text,
    loan_id           text,
    dangerous         boolean     not null default false,
    alerted_at        timestamptz,
    opened_at         timestamptz not null,
    updated_at        timestamptz not null,
    updated_by        text        not null,
    resolved_at       timestamptz,
    -- the business date whose run closed or completed this break (a record that came a day late)
    settled_on        date,
    journal_entry_id  text,
    unique (business_date, reconciliation, party, leg, record_key)
);
create index reconciliation_break_state on reconciliation_break (state, business_date);
create index reconciliation_break_key on reconciliation_break (reconciliation, party, leg, record_key);

-- Every state change of a break, by whom and when: written by the trigger below, so a set-based change
-- of thousands of breaks in a run is recorded as surely as one person's.
create table break_history (
    id          bigserial primary key,
    break_id    uuid        not null references reconciliation_break (id),
    changed_at  timestamptz not null,
    changed_by  text        not null,
    from_state  text,
    to_state    text        not null,
    break_class text        not null,
    resolution  text,
    reason      text
);
create index break_history_break on break_history (break_id, id);

create function record_break_change() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' or old.state is distinct from new.state or old.break_class is distinct from new.break_class then
        insert into break_history (break_id, changed_at, changed_by, from_state, to_state, break_class, resolution, reason)
        values (new.id, new.updated_at, new.updated_by, case when tg_op = 'UPDATE' then old.state end, new.state,
                new.break_class, new.resolution, new.state_reason);
    end if;
    return new;
end $$;

create trigger reconciliation_break_history after insert or update on reconciliation_break
    for each row execute function record_break_change();
