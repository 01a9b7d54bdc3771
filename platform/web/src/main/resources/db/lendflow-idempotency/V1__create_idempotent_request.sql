-- One row per (caller, Idempotency-Key): the request's fingerprint and the response it got, so a
-- retry gets the same answer and a different request under the same key is refused.
create table idempotent_request (
    caller          text        not null,
    idempotency_key text        not null,
    fingerprint     text        not null,
    status          integer     not null,
    body            text,
    location        text,
    created_at      timestamptz not null default now(),
    primary key (caller, idempotency_key)
);

create index idempotent_request_created_at on idempotent_request (created_at);
