-- A customer of the platform. Personal data is stored in the clear for now; encryption at rest
-- with a searchable hash arrives with the security work (issue 3).
create table customer (
    id            uuid primary key,
    name          text        not null,
    mobile        text        not null,
    id_number     text        not null,
    registered_at timestamptz not null,
    version       bigint      not null default 0,
    constraint customer_id_number_unique unique (id_number)
);
