-- Blacklisted identifiers. Every value is kept only as its blind index (HMAC-SHA256 under the
-- service's index key) plus a masked hint for people; device ids and Wi-Fi MACs are indexed too,
-- so no identifier is stored in the clear.
create table blacklist_entry (
    id           uuid        primary key,
    kind         text        not null,
    value_index  text        not null,
    value_masked text        not null,
    reason       text        not null,
    added_by     text        not null,
    added_at     timestamptz not null,
    constraint blacklist_entry_kind check (kind in ('ID_NUMBER', 'MOBILE', 'DEVICE', 'WIFI_MAC')),
    constraint blacklist_entry_once unique (kind, value_index)
);
