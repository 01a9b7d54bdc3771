-- A customer's application for a credit line and the state of the saga deciding it. The
-- applicant's identity and device are stored only encrypted (the later steps' commands carry
-- them); the outcome columns fill in as the services answer.
create table credit_application (
    id                        uuid          primary key,
    customer_id               uuid          not null references customer (id),
    state                     text          not null,
    step                      text,
    attempts                  integer       not null,
    step_started_at           timestamptz,
    step_deadline             timestamptz,
    reason_code               text,
    reason                    text,
    full_name_encrypted       text          not null,
    id_number_encrypted       text          not null,
    mobile_encrypted          text          not null,
    device_encrypted          text          not null,
    submitted_at              timestamptz   not null,
    updated_at                timestamptz   not null,
    concluded_at              timestamptz,
    authorisation_document_id uuid,
    authorisation_sha256      text,
    authorisation_signed_at   timestamptz,
    fraud_assessment_id       uuid,
    fraud_result              text,
    fraud_score               integer,
    decision_id               uuid,
    risk_grade                text,
    credit_limit              numeric(19, 2),
    annual_rate               numeric(9, 6),
    expires_on                date,
    version                   bigint        not null,
    constraint credit_application_state check (state in ('SUBMITTED', 'AUTHORISATION_SIGNED', 'FRAUD_REVIEW',
        'FRAUD_CHECKED', 'DECIDED', 'LIMIT_GRANTED', 'APPROVED', 'REJECTED', 'FAILED')),
    constraint credit_application_step check (step in ('SIGN_AUTHORISATION', 'ASSESS_FRAUD_RISK', 'FRAUD_REVIEW',
        'ASSESS_CREDIT_RISK', 'GRANT_CREDIT_LINE')),
    -- Waiting for a reply exactly while in flight: a final application is never swept.
    constraint credit_application_deadline check
        ((step_deadline is null) = (state in ('APPROVED', 'REJECTED', 'FAILED'))),
    constraint credit_application_concluded check
        ((concluded_at is not null) = (state in ('APPROVED', 'REJECTED', 'FAILED'))),
    constraint credit_application_reason check
        ((reason_code is not null) = (state in ('REJECTED', 'FAILED'))),
    constraint credit_application_approved check
        (state <> 'APPROVED' or (credit_limit > 0 and annual_rate > 0 and risk_grade is not null and expires_on is not null)),
    constraint credit_application_attempts check (attempts >= 0)
);
-- One application in flight per customer, whatever races past the application's own check.
create unique index credit_application_one_in_flight on credit_application (customer_id)
    where state not in ('APPROVED', 'REJECTED', 'FAILED');
-- What the sweeper looks for: only in-flight rows have a deadline.
create index credit_application_overdue on credit_application (step_deadline) where step_deadline is not null;
create index credit_application_by_submission on credit_application (submitted_at);
create index credit_application_by_customer on credit_application (customer_id, submitted_at);
create index credit_application_by_state on credit_application (state, submitted_at);

-- Everything that happened to an application, append-only: transitions, every message sent and
-- received (with its id), resends, timeouts, ignored replies and the reasons each service gave.
create table credit_application_timeline (
    id             bigint generated always as identity primary key,
    application_id uuid        not null references credit_application (id),
    at             timestamptz not null,
    kind           text        not null,
    state          text        not null,
    step           text,
    message_type   text,
    message_id     uuid,
    attempt        integer,
    note           text,
    details        jsonb
);
create index credit_application_timeline_of on credit_application_timeline (application_id, id);
