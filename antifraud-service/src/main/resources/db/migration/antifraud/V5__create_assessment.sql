-- Every application seen, for velocity counts: device and IP as blind indexes.
create table application_log (
    application_id uuid        primary key,
    customer_id    uuid        not null,
    device_index   text,
    ip_index       text,
    applied_at     timestamptz not null
);
create index application_log_device on application_log (device_index, applied_at) where device_index is not null;
create index application_log_ip on application_log (ip_index, applied_at) where ip_index is not null;

-- One assessment per application. inputs summarises the facts without personal data;
-- rule_versions names the version of every rule that decided.
create table assessment (
    id             uuid        primary key,
    application_id uuid        not null,
    customer_id    uuid        not null,
    result         text        not null,
    score          integer     not null,
    fired_rules    jsonb       not null,
    inputs         jsonb       not null,
    rule_versions  jsonb       not null,
    assessed_at    timestamptz not null,
    constraint assessment_once_per_application unique (application_id),
    constraint assessment_result check (result in ('PASS', 'REVIEW', 'REJECT')),
    constraint assessment_score_not_negative check (score >= 0)
);
create index assessment_customer on assessment (customer_id, assessed_at);

-- The manual-review queue: one review per REVIEW assessment, concluded once by staff.
create table manual_review (
    id             uuid        primary key,
    assessment_id  uuid        not null references assessment (id),
    application_id uuid        not null,
    customer_id    uuid        not null,
    status         text        not null,
    queued_at      timestamptz not null,
    concluded_by   text,
    concluded_at   timestamptz,
    comment        text,
    version        bigint      not null default 0,
    constraint manual_review_once_per_assessment unique (assessment_id),
    constraint manual_review_status check (status in ('PENDING', 'APPROVED', 'REJECTED')),
    constraint manual_review_concluded check ((status = 'PENDING') = (concluded_at is null))
);
create index manual_review_queue on manual_review (status, queued_at);
