-- The relationship graph: customers are linked to the identifiers they used (attribute nodes,
-- kept as blind indexes); two customers sharing a node are one hop apart.
create table identity_link (
    customer_id   uuid        not null,
    kind          text        not null,
    value_index   text        not null,
    first_seen_at timestamptz not null,
    last_seen_at  timestamptz not null,
    primary key (customer_id, kind, value_index),
    constraint identity_link_kind check (kind in ('DEVICE', 'MOBILE', 'WIFI_MAC', 'BANK_CARD'))
);
-- From a node to its customers: the other half of every hop.
create index identity_link_node on identity_link (kind, value_index, customer_id);

-- Customers confirmed as fraudsters; the graph search looks for these.
create table known_fraudster (
    customer_id uuid        primary key,
    reason      text        not null,
    flagged_by  text        not null,
    flagged_at  timestamptz not null
);
