-- The document archive: one document per application and kind, rendered, then signed once by the
-- e-signature provider. The PDFs carry the customer's name, so they are stored only encrypted
-- (AES-GCM through the platform's PersonalDataCipher, base64 inside); the hashes are of the plain PDFs.
create table document (
    id                     uuid        primary key,
    kind                   text        not null,
    application_id         uuid        not null,
    customer_id            uuid        not null,
    template_version       text        not null,
    state                  text        not null,
    rendered_sha256        text        not null,
    rendered_pdf_encrypted text        not null,
    signed_sha256          text,
    signed_pdf_encrypted   text,
    provider_signature_id  text,
    failure_code           text,
    failure_reason         text,
    created_at             timestamptz not null,
    updated_at             timestamptz not null,
    signed_at              timestamptz,
    version                bigint      not null default 0,
    constraint document_one_per_application_and_kind unique (application_id, kind),
    constraint document_kind check (kind in ('CREDIT_AUTHORISATION')),
    constraint document_state check (state in ('RENDERED', 'SIGNED', 'FAILED')),
    constraint document_sha256_format check (rendered_sha256 ~ '^[0-9a-f]{64}$'
        and (signed_sha256 is null or signed_sha256 ~ '^[0-9a-f]{64}$')),
    constraint document_signed_is_complete check (state <> 'SIGNED' or (signed_sha256 is not null
        and signed_pdf_encrypted is not null and provider_signature_id is not null and signed_at is not null)),
    constraint document_failed_has_reason check (state <> 'FAILED' or failure_code is not null)
);

create index document_customer on document (customer_id);
