-- A customer's bank card as bound through a payment channel. The number is stored only encrypted
-- (AES-GCM, platform crypto), with a blind index to find the same card again, an opaque token,
-- and the BIN and last four digits that are all anyone is shown.
create table bank_card (
    id                       uuid        primary key,
    customer_id              uuid        not null,
    state                    text        not null,
    card_number_encrypted    text        not null,
    card_number_index        text        not null,
    card_token               text        not null unique,
    bin                      text        not null,
    last4                    text        not null,
    holder_name_encrypted    text        not null,
    reserved_mobile_encrypted text       not null,
    channel                  text        not null,
    binding_id               text,
    agreement_no             text,
    wrong_codes              integer     not null default 0,
    created_at               timestamptz not null,
    code_sent_at             timestamptz,
    bound_at                 timestamptz,
    locked_at                timestamptz,
    version                  bigint      not null default 0,
    constraint bank_card_state check (state in ('PENDING', 'CODE_SENT', 'BOUND', 'LOCKED')),
    constraint bank_card_bin check (bin ~ '^[0-9]{6}$'),
    constraint bank_card_last4 check (last4 ~ '^[0-9]{4}$'),
    constraint bank_card_bound_has_agreement check (state <> 'BOUND' or (agreement_no is not null and bound_at is not null)),
    constraint bank_card_wrong_codes check (wrong_codes >= 0)
);

create index bank_card_by_customer on bank_card (customer_id, created_at desc);

-- One card is bound once, to one customer.
create unique index bank_card_bound_once on bank_card (card_number_index) where state = 'BOUND';
