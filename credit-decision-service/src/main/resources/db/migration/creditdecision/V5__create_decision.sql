-- One decision per application, with everything needed to explain it later: the inputs (a bureau
-- summary, the anti-fraud result and score, the applicant's age; never the ID number, mobile or
-- name), the points per characteristic, the versions of the scorecard and grade table, and the
-- reasons. grade_table_version is 0 when no grade table was used (a rejection).
create table decision (
    id                  uuid          primary key,
    application_id      uuid          not null,
    customer_id         uuid          not null,
    outcome             text          not null,
    score               integer,
    grade               text,
    credit_limit        numeric(19,2),
    annual_rate         numeric(9,6),
    reason_code         text,
    reasons             jsonb         not null,
    inputs              jsonb         not null,
    points              jsonb         not null,
    scorecard_version   integer       not null,
    grade_table_version integer       not null,
    decided_at          timestamptz   not null,
    constraint decision_once_per_application unique (application_id),
    constraint decision_outcome check (outcome in ('APPROVE', 'REJECT')),
    constraint decision_approval_complete check (outcome <> 'APPROVE' or (grade is not null
        and credit_limit is not null and annual_rate is not null and grade_table_version > 0)),
    constraint decision_rejection_has_code check (outcome <> 'REJECT' or reason_code is not null),
    constraint decision_rate_cap check (annual_rate is null or (0 < annual_rate and annual_rate <= 0.24))
);
create index decision_customer on decision (customer_id, decided_at);
