-- The rule table: what each rule checks is code (RuleCode); whether it is on, its parameters, its
-- weight and its action are data, changed only through the ops API, each change audited.
create table rule (
    code        text        primary key,
    enabled     boolean     not null,
    params      jsonb       not null default '{}'::jsonb,
    weight      integer     not null,
    action      text        not null,
    version     bigint      not null default 1,
    updated_at  timestamptz not null default now(),
    updated_by  text        not null default 'migration',
    constraint rule_weight_range check (weight between 0 and 1000),
    constraint rule_action check (action in ('NONE', 'REVIEW', 'REJECT')),
    constraint rule_params_object check (jsonb_typeof(params) = 'object')
);

-- One row: the total score at which an application goes to manual review, and at which it is rejected.
create table decision_threshold (
    id            smallint    primary key default 1,
    review_score  integer     not null,
    reject_score  integer     not null,
    version       bigint      not null default 1,
    updated_at    timestamptz not null default now(),
    updated_by    text        not null default 'migration',
    constraint decision_threshold_single_row check (id = 1),
    constraint decision_threshold_order check (0 < review_score and review_score <= reject_score)
);

insert into rule (code, enabled, params, weight, action) values
    ('BLACKLISTED_ID_NUMBER',       true, '{}',                                          100, 'REJECT'),
    ('BLACKLISTED_MOBILE',          true, '{}',                                          100, 'REJECT'),
    ('BLACKLISTED_DEVICE',          true, '{}',                                          100, 'REJECT'),
    ('BLACKLISTED_WIFI_MAC',        true, '{}',                                           60, 'REVIEW'),
    ('DEVICE_VELOCITY',             true, '{"maxApplications": 3, "windowMinutes": 1440}', 40, 'REVIEW'),
    ('IP_VELOCITY',                 true, '{"maxApplications": 10, "windowMinutes": 60}',  30, 'REVIEW'),
    ('DEVICE_SHARED_BY_IDENTITIES', true, '{"maxIdentities": 2}',                          40, 'REVIEW'),
    ('WIFI_MAC_SHARED_WITH_FRAUD',  true, '{}',                                           50, 'REVIEW'),
    ('EMULATOR',                    true, '{}',                                           80, 'REJECT'),
    ('ROOTED_DEVICE',               true, '{}',                                           15, 'NONE'),
    ('ID_NUMBER_CHECKSUM',          true, '{}',                                          100, 'REJECT'),
    ('AGE_OUT_OF_RANGE',            true, '{"minAge": 18, "maxAge": 55}',                 100, 'REJECT'),
    ('FRAUD_GRAPH_PROXIMITY',       true, '{"maxHops": 3, "maxNodeDegree": 50}',           60, 'NONE');

insert into decision_threshold (id, review_score, reject_score) values (1, 50, 100);
