-- Messages waiting to be published. A row is written in the same transaction as the state
-- change it announces; the relay publishes in position order and stamps published_at.
create table outbox (
    position         bigserial primary key,
    message_id       uuid        not null unique,
    topic            text        not null,
    message_key      text        not null,
    message_type     text        not null,
    envelope         text        not null,
    created_at       timestamptz not null default now(),
    published_at     timestamptz,
    publish_attempts integer     not null default 0,
    last_error       text
);

create index outbox_unpublished on outbox (position) where published_at is null;

-- Messages already handled, per consumer. The row is written in the same transaction as the
-- effect, so a redelivered message finds it and changes nothing.
create table inbox (
    consumer     text        not null,
    message_id   uuid        not null,
    message_type text        not null,
    received_at  timestamptz not null default now(),
    primary key (consumer, message_id)
);
