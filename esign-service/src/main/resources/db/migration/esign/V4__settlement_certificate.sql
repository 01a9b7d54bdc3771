-- The settlement certificate (结清证明) joins the archive: one per loan (its application_id holds
-- the loan id), issued by Lendflow itself after core-ledger announces the loan settled. It is not
-- signed by the e-signature provider, so it has its own final state, ISSUED, with the rendered PDF
-- and its hash as the document.
alter table document drop constraint document_kind;
alter table document add constraint document_kind
    check (kind in ('CREDIT_AUTHORISATION', 'LOAN_CONTRACT', 'SETTLEMENT_CERTIFICATE'));
alter table document drop constraint document_state;
alter table document add constraint document_state check (state in ('RENDERED', 'SIGNED', 'FAILED', 'ISSUED'));

comment on column document.application_id is
    'what the document is for: the credit-line application (CREDIT_AUTHORISATION), the drawdown (LOAN_CONTRACT) or the loan (SETTLEMENT_CERTIFICATE)';

-- A settled loan waiting for its certificate: written with the LoanSettled message in the inbox's
-- transaction (once per loan, however often the event comes), issued by a worker outside it since
-- the borrower's name must first be asked of loan-order-service. A failed attempt is tried again later.
create table settlement_certificate_request (
    loan_id           uuid           primary key,
    customer_id       uuid           not null,
    settled_on        date           not null,
    principal         numeric(19, 2) not null,
    interest_paid     numeric(19, 2) not null,
    penalty_paid      numeric(19, 2) not null,
    fees_paid         numeric(19, 2) not null,
    state             text           not null,
    attempts          integer        not null default 0,
    next_attempt_at   timestamptz    not null,
    last_error        text,
    document_id       uuid,
    created_at        timestamptz    not null,
    issued_at         timestamptz,
    constraint settlement_certificate_request_state check (state in ('PENDING', 'ISSUED')),
    constraint settlement_certificate_request_issued check (state <> 'ISSUED' or document_id is not null)
);

create index settlement_certificate_request_due on settlement_certificate_request (next_attempt_at) where state = 'PENDING';
