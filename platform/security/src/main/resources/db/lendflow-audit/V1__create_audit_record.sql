-- What ops staff did, one row per action, written in the same transaction as the action itself.
-- before/after hold masked snapshots (the caller masks them; this table must never become a second
-- copy of the personal data that is encrypted elsewhere).
create table audit.audit_record (
    id           bigserial   primary key,
    occurred_at  timestamptz not null,
    actor        text        not null,
    actor_roles  text[]      not null default '{}',
    action       text        not null,
    subject_type text        not null,
    subject_id   text        not null,
    before       jsonb,
    after        jsonb,
    reason       text,
    request_id   text,
    service      text        not null
);

-- The searches of the ops console: one subject's history, one person's actions, one kind of action.
create index audit_record_subject on audit.audit_record (subject_type, subject_id, occurred_at desc);
create index audit_record_actor on audit.audit_record (actor, occurred_at desc);
create index audit_record_action on audit.audit_record (action, occurred_at desc);
create index audit_record_occurred_at on audit.audit_record (occurred_at desc);

-- Append-only, enforced by the database rather than by code review: an audit trail that the
-- application could edit would prove nothing. A superuser can still disable the trigger; in
-- production the service's database role is also denied UPDATE, DELETE and TRUNCATE on this table.
create function audit.refuse_audit_change() returns trigger
    language plpgsql as
$$
begin
    raise exception 'audit.audit_record is append-only: % is not allowed', tg_op;
end;
$$;

create trigger audit_record_append_only
    before update or delete on audit.audit_record
    for each row execute function audit.refuse_audit_change();

-- Row triggers do not fire for TRUNCATE, which would otherwise empty the trail in one statement.
create trigger audit_record_no_truncate
    before truncate on audit.audit_record
    for each statement execute function audit.refuse_audit_change();
