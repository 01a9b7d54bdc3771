-- Collection (催收): cases grouping a customer's overdue loans, grading and strategy as data, the daily
-- run's actions, agents and their queues, the contact log with promises to pay, and what daily
-- metrics are counted from. Post-loan requests (early warning, maker-checker) arrive in V3.

-- The collection business date: the business date core-ledger's end of day moved to
-- (BusinessDateChanged), or the date ops last started a run for. One row.
create table collection_day (
    singleton     boolean primary key default true check (singleton),
    business_date date,
    changed_at    timestamptz not null default now()
);
insert into collection_day (business_date) values (null);

-- One row per customer collection has heard of: the row each change to the customer's case locks,
-- so facts about two loans of one customer, a contact and the daily run never interleave; and
-- whether collection was stopped for them by a debt-relief event.
create table collection_customer (
    customer_id  uuid primary key,
    stopped_at   timestamptz,
    stop_kind    text,
    stop_reason  text
);

-- Facts from core-ledger already acted on, by their business key (a loan's overdue installment, a
-- bucket move on a date, a settlement, a repayment id): the same fact sent twice as two messages
-- changes nothing the second time.
create table handled_fact (
    fact_key   text primary key,
    handled_at timestamptz not null default now()
);

-- Grades in escalating order: a broken promise raises a case one rank.
create table grade (
    code text primary key,
    rank integer not null unique check (rank > 0)
);
insert into grade (code, rank) values ('LOW', 1), ('MEDIUM', 2), ('HIGH', 3);

-- How a case is graded: the first rule by priority whose conditions all hold (a null condition
-- holds for every case) gives the grade. Edited by ops (audited).
create table grade_rule (
    priority       integer primary key check (priority > 0),
    bucket         text check (bucket in ('M1', 'M2', 'M3', 'M3+')),
    min_amount     numeric(19, 2) check (min_amount >= 0),
    min_risk_score integer check (min_risk_score between 0 and 100),
    grade          text not null references grade (code)
);
insert into grade_rule (priority, bucket, min_amount, min_risk_score, grade) values
    (10, null,  null,     60,   'HIGH'),
    (20, 'M3',  null,     null, 'HIGH'),
    (30, 'M3+', null,     null, 'HIGH'),
    (40, 'M2',  null,     null, 'MEDIUM'),
    (50, null,  5000.00,  null, 'MEDIUM'),
    (60, null,  null,     30,   'MEDIUM'),
    (99, null,  null,     null, 'LOW');

-- Texts of automated contacts, per action kind. Placeholders: {name} (surname only, e.g. 张**),
-- {amount} (amount overdue, two decimals), {dpd} (days past due).
create table message_template (
    code       text primary key,
    channel    text not null check (channel in ('SMS', 'VOICE')),
    body       text not null check (length(body) between 1 and 500),
    updated_at timestamptz not null default now()
);
insert into message_template (code, channel, body) values
    ('SMS_REMINDER', 'SMS', '【Lendflow】{name}您好，您的借款已逾期{dpd}天，逾期金额{amount}元，请尽快还款，以免影响您的信用记录。'),
    ('SMS_WARNING',  'SMS', '【Lendflow】{name}您好，您的借款已逾期{dpd}天，逾期金额{amount}元仍未归还，请立即还款。'),
    ('VOICE_REMINDER', 'VOICE', '{name}您好，这里是Lendflow。您的借款已逾期{dpd}天，逾期金额{amount}元，请尽快还款。');

-- What the daily run does to a case of a grade in a bucket. Contact actions (SMS, ROBO_CALL) run
-- on the day the case reaches {@code day} days past due; queue actions (AGENT_QUEUE, SENIOR_QUEUE,
-- OUTSOURCE) from that day on, until the case is with someone in that queue.
create table strategy_step (
    id            bigserial primary key,
    grade         text not null references grade (code),
    bucket        text not null check (bucket in ('M1', 'M2', 'M3', 'M3+')),
    day           integer not null check (day > 0),
    action        text not null check (action in ('SMS', 'ROBO_CALL', 'AGENT_QUEUE', 'SENIOR_QUEUE', 'OUTSOURCE')),
    template_code text references message_template (code),
    agency        text,
    unique (grade, bucket, day, action),
    check ((action in ('SMS', 'ROBO_CALL')) = (template_code is not null)),
    check ((action = 'OUTSOURCE') = (agency is not null))
);
insert into strategy_step (grade, bucket, day, action, template_code, agency) values
    ('LOW',    'M1', 1,  'SMS',         'SMS_REMINDER',   null),
    ('LOW',    'M1', 3,  'SMS',         'SMS_WARNING',    null),
    ('LOW',    'M1', 5,  'ROBO_CALL',   'VOICE_REMINDER', null),
    ('LOW',    'M1', 10, 'AGENT_QUEUE', null,             null),
    ('MEDIUM', 'M1', 1,  'SMS',         'SMS_REMINDER',   null),
    ('MEDIUM', 'M1', 3,  'ROBO_CALL',   'VOICE_REMINDER', null),
    ('MEDIUM', 'M1', 5,  'AGENT_QUEUE', null,             null),
    ('HIGH',   'M1', 1,  'ROBO_CALL',   'VOICE_REMINDER', null),
    ('HIGH',   'M1', 2,  'AGENT_QUEUE', null,             null),
    ('LOW',    'M2', 31, 'AGENT_QUEUE', null,             null),
    ('MEDIUM', 'M2', 31, 'AGENT_QUEUE', null,             null),
    ('HIGH',   'M2', 31, 'AGENT_QUEUE', null,             null),
    ('LOW',    'M3', 61, 'SENIOR_QUEUE', null,            null),
    ('MEDIUM', 'M3', 61, 'SENIOR_QUEUE', null,            null),
    ('HIGH',   'M3', 61, 'SENIOR_QUEUE', null,            null),
    ('LOW',    'M3+', 91, 'OUTSOURCE',  null,             'AGENCY_A'),
    ('MEDIUM', 'M3+', 91, 'OUTSOURCE',  null,             'AGENCY_A'),
    ('HIGH',   'M3+', 91, 'OUTSOURCE',  null,             'AGENCY_A');

-- Collection agents (staff user ids): the grades they take, how many open cases they hold at most,
-- whether they work the senior queue.
create table agent (
    user_id      text primary key,
    display_name text not null,
    grades       text[] not null,
    capacity     integer not null check (capacity >= 0),
    senior       boolean not null default false,
    active       boolean not null default true,
    updated_at   timestamptz not null default now()
);

-- One case per customer while any of their loans is overdue.
create table collection_case (
    id              uuid primary key,
    customer_id     uuid not null references collection_customer (customer_id),
    state           text not null check (state in ('OPEN', 'CLOSED')),
    grade           text not null references grade (code),
    bucket          text not null check (bucket in ('M0', 'M1', 'M2', 'M3', 'M3+')),
    days_past_due   integer not null check (days_past_due >= 0),
    amount_overdue  numeric(19, 2) not null check (amount_overdue >= 0),
    risk_score      integer not null check (risk_score between 0 and 100),
    broken_promises integer not null default 0 check (broken_promises >= 0),
    queue           text check (queue in ('AGENT', 'SENIOR', 'OUTSOURCE')),
    agent_id        text references agent (user_id),
    agency          text,
    assigned_at     timestamptz,
    lock_holder     text,
    lock_expires_at timestamptz,
    opened_on       date not null,
    opened_at       timestamptz not null,
    closed_on       date,
    closed_at       timestamptz,
    close_reason    text check (close_reason in ('LOANS_CURRENT', 'LOANS_SETTLED', 'DEBT_RELIEF')),
    close_note      text,
    check ((state = 'CLOSED') = (close_reason is not null))
);
create unique index collection_case_one_open_per_customer on collection_case (customer_id) where state = 'OPEN';
create index collection_case_search on collection_case (state, grade, bucket);
create index collection_case_agent on collection_case (agent_id) where state = 'OPEN';
create index collection_case_opened on collection_case (opened_on);
create index collection_case_closed on collection_case (closed_on);

-- The loans a case groups, with what core-ledger's events said of each.
create table case_loan (
    case_id        uuid not null references collection_case (id),
    loan_id        uuid not null,
    state          text not null check (state in ('OVERDUE', 'CURRENT', 'SETTLED')),
    bucket         text not null check (bucket in ('M0', 'M1', 'M2', 'M3', 'M3+')),
    days_past_due  integer not null check (days_past_due >= 0),
    -- The business date days_past_due was true on; the run counts on from it.
    dpd_as_of      date not null,
    amount_overdue numeric(19, 2) not null check (amount_overdue >= 0),
    joined_on      date not null,
    primary key (case_id, loan_id)
);
create index case_loan_loan on case_loan (loan_id);

-- Daily runs, one per business date; started by BusinessDateChanged or by ops.
create table collection_run (
    business_date   date primary key,
    state           text not null check (state in ('REQUESTED', 'RUNNING', 'FINISHED')),
    requested_by    text not null,
    requested_at    timestamptz not null,
    started_at      timestamptz,
    finished_at     timestamptz,
    cases_seen      integer not null default 0,
    actions_created integer not null default 0
);

-- Every action the strategy took on a case. One per case, action kind and business date: a run
-- repeated for a date adds nothing. Contacts wait (DEFERRED) until quiet hours end. step_id names
-- the step that asked for it (steps are replaced when ops edit a strategy, hence no reference).
create table collection_action (
    id            uuid primary key,
    case_id       uuid not null references collection_case (id),
    customer_id   uuid not null,
    step_id       bigint not null,
    business_date date not null,
    kind          text not null check (kind in ('SMS', 'ROBO_CALL', 'AGENT_QUEUE', 'SENIOR_QUEUE', 'OUTSOURCE')),
    template_code text,
    state         text not null check (state in ('PENDING', 'DEFERRED', 'SENDING', 'DONE', 'FAILED', 'REFUSED')),
    not_before    timestamptz,
    outcome       text,
    provider_ref  text,
    detail        text,
    created_at    timestamptz not null,
    executed_at   timestamptz,
    unique (case_id, kind, business_date)
);
create index collection_action_waiting on collection_action (state, not_before) where state in ('PENDING', 'DEFERRED');
create index collection_action_customer on collection_action (customer_id, executed_at);

-- Contacts agents logged. The mobile is kept masked only.
create table contact (
    id            uuid primary key,
    case_id       uuid not null references collection_case (id),
    customer_id   uuid not null,
    agent_id      text not null,
    channel       text not null check (channel in ('CALL')),
    party         text not null check (party = 'BORROWER'),
    mobile_masked text not null,
    outcome       text not null,
    note          text,
    contacted_at  timestamptz not null
);
create index contact_case on contact (case_id);
create index contact_customer on contact (customer_id, contacted_at);

-- Promises to pay made in a contact: kept once repayments on the case's loans since the promise
-- reach its amount, broken when its date passes first.
create table promise (
    id           uuid primary key,
    case_id      uuid not null references collection_case (id),
    contact_id   uuid not null references contact (id),
    amount       numeric(19, 2) not null check (amount > 0),
    promised_for date not null,
    repaid       numeric(19, 2) not null default 0 check (repaid >= 0),
    state        text not null check (state in ('OPEN', 'KEPT', 'BROKEN')),
    made_on      date not null,
    resolved_on  date
);
create index promise_open on promise (case_id) where state = 'OPEN';

-- Money applied to loans while they were in an open case: the amount recovered.
create table recovery (
    repayment_id text primary key,
    case_id      uuid not null references collection_case (id),
    loan_id      uuid not null,
    amount       numeric(19, 2) not null check (amount > 0),
    applied_on   date not null
);
create index recovery_applied on recovery (applied_on);

-- Every bucket move core-ledger announced, for roll rates.
create table bucket_move (
    loan_id       uuid not null,
    customer_id   uuid not null,
    from_bucket   text not null,
    to_bucket     text not null,
    days_past_due integer not null,
    business_date date not null,
    primary key (loan_id, business_date, from_bucket, to_bucket)
);
create index bucket_move_date on bucket_move (business_date);

-- Debt-relief events (death, litigation, ...) recorded by ops: collection stops for the customer.
create table debt_relief (
    id             uuid primary key,
    customer_id    uuid not null references collection_customer (customer_id),
    kind           text not null,
    reason         text not null,
    recorded_by    text not null,
    recorded_at    timestamptz not null,
    closed_case_id uuid references collection_case (id)
);
