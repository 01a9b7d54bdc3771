-- The loan contract (借款合同) joins the archive. It is signed once per drawdown, so for it the
-- document's application_id holds the drawdown id: the one-per-(id, kind) rule then says exactly
-- that, and ids are UUIDs, so an application and a drawdown never collide.
alter table document drop constraint document_kind;
alter table document add constraint document_kind check (kind in ('CREDIT_AUTHORISATION', 'LOAN_CONTRACT'));

comment on column document.application_id is
    'what the document was signed for: the credit-line application (CREDIT_AUTHORISATION) or the drawdown (LOAN_CONTRACT)';
