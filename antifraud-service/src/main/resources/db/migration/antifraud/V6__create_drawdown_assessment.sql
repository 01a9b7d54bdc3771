-- Drawdown-time checks. Their rules are rows of the rule table like every other rule. Neither
-- NEW_DEVICE nor CARD_CHANGED_RECENTLY rejects on its own (people change phones and cards); together
-- (a new phone sending money to a new card, the shape of an account takeover) they reach the
-- drawdown reject score.
insert into rule (code, enabled, params, weight, action) values
    ('NEW_DEVICE',            true, '{}',                                          30, 'NONE'),
    ('CARD_CHANGED_RECENTLY', true, '{"withinDays": 7}',                           30, 'NONE'),
    ('DRAWDOWN_VELOCITY',     true, '{"maxDrawdowns": 5, "windowMinutes": 1440}',  60, 'NONE');

-- A drawdown has no manual review: at or above this score it is rejected, below it passes.
alter table decision_threshold add column drawdown_reject_score integer not null default 60;
alter table decision_threshold add constraint decision_threshold_drawdown_positive check (drawdown_reject_score > 0);

-- One assessment per drawdown: what the saga is answered with, again on every re-sent command, and
-- the customer's drawdown history the next drawdown's rules read (card last used, velocity). The
-- device is kept only as its blind index; card_id is payment-service's id of the bound card, not
-- its number. inputs summarises the facts without personal data.
create table drawdown_assessment (
    id            uuid          primary key,
    drawdown_id   uuid          not null,
    customer_id   uuid          not null,
    card_id       uuid,
    device_index  text,
    amount        numeric(19,2),
    result        text          not null,
    score         integer       not null,
    fired_rules   jsonb         not null,
    inputs        jsonb         not null,
    rule_versions jsonb         not null,
    requested_at  timestamptz   not null,
    assessed_at   timestamptz   not null,
    constraint drawdown_assessment_once_per_drawdown unique (drawdown_id),
    constraint drawdown_assessment_result check (result in ('PASS', 'REJECT')),
    constraint drawdown_assessment_score_not_negative check (score >= 0),
    constraint drawdown_assessment_amount_positive check (amount is null or amount > 0)
);
create index drawdown_assessment_customer on drawdown_assessment (customer_id, requested_at);
