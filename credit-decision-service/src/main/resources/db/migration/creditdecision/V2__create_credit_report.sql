-- Credit reports from the bureau, kept for reuse (30 days by default): one row per person, keyed by
-- a blind index of the ID number (HMAC, never the number itself). The report is stored only
-- encrypted (AES-GCM through the platform's PersonalDataCipher); a newer query replaces it.
create table credit_report (
    id                 uuid        primary key,
    id_number_index    text        not null,
    bureau_report_id   text        not null,
    report_encrypted   text        not null,
    fetched_at         timestamptz not null,
    constraint credit_report_one_per_person unique (id_number_index)
);

-- The audit of credit-report reads: every time a report is read for a decision, from the bureau or
-- from the cache, with the customer's signed authorisation that permitted it. Append-only.
create table report_read (
    id                         bigint      generated always as identity primary key,
    report_id                  uuid        not null,
    application_id             uuid        not null,
    customer_id                uuid        not null,
    authorisation_document_id  uuid        not null,
    authorisation_sha256       text        not null,
    source                     text        not null,
    read_at                    timestamptz not null,
    constraint report_read_source check (source in ('BUREAU', 'CACHE')),
    constraint report_read_sha256_format check (authorisation_sha256 ~ '^[0-9a-f]{64}$')
);
create index report_read_customer on report_read (customer_id, read_at);
create index report_read_application on report_read (application_id);
