-- One credit line per customer. Amounts in CNY at fen scale; available = limit - occupied - reserved.
create table credit_line (
    customer_id  uuid          primary key,
    status       text          not null,
    credit_limit numeric(19, 2) not null default 0,
    occupied     numeric(19, 2) not null default 0,
    reserved     numeric(19, 2) not null default 0,
    opened_at    timestamptz   not null,
    version      bigint        not null default 0,
    constraint credit_line_status check (status in ('NOT_ACTIVATED', 'ACTIVE', 'FROZEN', 'EXPIRED')),
    constraint credit_line_amounts_not_negative check (credit_limit >= 0 and occupied >= 0 and reserved >= 0),
    constraint credit_line_never_over_occupied check (occupied + reserved <= credit_limit)
);
