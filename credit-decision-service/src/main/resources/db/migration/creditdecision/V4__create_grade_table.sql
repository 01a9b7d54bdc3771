-- The grade table, versioned: grade -> credit-limit range and annual rate. A change through the ops
-- API adds a version (audited); decisions name the version they used. Rates stay within the legal
-- cap of 24% a year.
create table grade_table (
    version     integer     primary key,
    created_at  timestamptz not null default now(),
    created_by  text        not null default 'migration',
    reason      text
);

create table grade_table_entry (
    version     integer       not null references grade_table (version),
    grade       text          not null,
    min_limit   numeric(19,2) not null,
    max_limit   numeric(19,2) not null,
    annual_rate numeric(9,6)  not null,
    primary key (version, grade),
    constraint grade_table_entry_grade check (grade in ('A', 'B', 'C', 'D', 'E')),
    constraint grade_table_entry_limits check (0 < min_limit and min_limit <= max_limit),
    constraint grade_table_entry_rate_cap check (0 < annual_rate and annual_rate <= 0.24)
);

insert into grade_table (version, reason) values (1, 'launch grade table');

insert into grade_table_entry (version, grade, min_limit, max_limit, annual_rate) values
    (1, 'A', 20000.00, 100000.00, 0.073000),
    (1, 'B', 10000.00,  50000.00, 0.105000),
    (1, 'C',  5000.00,  30000.00, 0.145000),
    (1, 'D',  2000.00,  15000.00, 0.189000),
    (1, 'E',  1000.00,   5000.00, 0.239000);
