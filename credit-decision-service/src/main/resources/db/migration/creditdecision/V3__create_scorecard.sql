-- The scorecard, versioned: what each characteristic measures is code (Characteristic); its bins
-- and points, the knock-out thresholds and the score bands of the grades are data. A new version is
-- a new set of rows; the highest version decides new applications, older ones explain old decisions.
create table scorecard (
    version     integer     primary key,
    base_points integer     not null,
    created_at  timestamptz not null default now(),
    created_by  text        not null default 'migration',
    note        text
);

-- A knock-out rejects whatever the score: the characteristic's value at or above min_value (or
-- below max_value_exclusive when that is set instead) rejects with reason_code.
create table scorecard_knockout (
    version              integer not null references scorecard (version),
    code                 text    not null,
    characteristic       text    not null,
    at_least             numeric(19,2),
    below                numeric(19,2),
    reason_code          text    not null,
    primary key (version, code),
    constraint scorecard_knockout_one_bound check ((at_least is null) <> (below is null))
);

-- Points for a characteristic's value in [lower_bound, upper_bound); a null bound is open.
create table scorecard_bin (
    version        integer       not null references scorecard (version),
    characteristic text          not null,
    lower_bound    numeric(19,2),
    upper_bound    numeric(19,2),
    points         integer       not null,
    constraint scorecard_bin_order check (lower_bound is null or upper_bound is null or lower_bound < upper_bound)
);
create index scorecard_bin_version on scorecard_bin (version, characteristic);

-- A score at or above min_score earns the grade (the highest such band wins); below every band is REJECT.
create table scorecard_band (
    version   integer not null references scorecard (version),
    grade     text    not null,
    min_score integer not null,
    primary key (version, grade),
    constraint scorecard_band_grade check (grade in ('A', 'B', 'C', 'D', 'E'))
);

insert into scorecard (version, base_points, note) values (1, 0, 'launch scorecard');

insert into scorecard_knockout (version, code, characteristic, at_least, below, reason_code) values
    (1, 'SERIOUS_DELINQUENCY',    'WORST_DAYS_PAST_DUE_24M', 90,   null, 'BUREAU_SERIOUS_DELINQUENCY'),
    (1, 'CURRENTLY_OVERDUE',      'OVERDUE_ACCOUNTS',        1,    null, 'BUREAU_SERIOUS_DELINQUENCY'),
    (1, 'TOO_MANY_INQUIRIES',     'INQUIRIES_3M',            7,    null, 'BUREAU_TOO_MANY_INQUIRIES'),
    (1, 'TOO_YOUNG',              'APPLICANT_AGE',           null, 18,   'AGE_OUT_OF_RANGE'),
    (1, 'TOO_OLD',                'APPLICANT_AGE',           61,   null, 'AGE_OUT_OF_RANGE');

insert into scorecard_bin (version, characteristic, lower_bound, upper_bound, points) values
    (1, 'WORST_DAYS_PAST_DUE_24M', null,   1,      60),
    (1, 'WORST_DAYS_PAST_DUE_24M', 1,      30,     30),
    (1, 'WORST_DAYS_PAST_DUE_24M', 30,     null,   5),
    (1, 'INQUIRIES_3M',            null,   2,      40),
    (1, 'INQUIRIES_3M',            2,      4,      25),
    (1, 'INQUIRIES_3M',            4,      null,   5),
    (1, 'TOTAL_DEBT',              null,   10000,  50),
    (1, 'TOTAL_DEBT',              10000,  50000,  35),
    (1, 'TOTAL_DEBT',              50000,  200000, 15),
    (1, 'TOTAL_DEBT',              200000, null,   0),
    (1, 'FRAUD_SCORE',             null,   1,      40),
    (1, 'FRAUD_SCORE',             1,      30,     25),
    (1, 'FRAUD_SCORE',             30,     60,     10),
    (1, 'FRAUD_SCORE',             60,     null,   0),
    (1, 'APPLICANT_AGE',           null,   23,     10),
    (1, 'APPLICANT_AGE',           23,     30,     25),
    (1, 'APPLICANT_AGE',           30,     46,     40),
    (1, 'APPLICANT_AGE',           46,     56,     30),
    (1, 'APPLICANT_AGE',           56,     null,   15);

insert into scorecard_band (version, grade, min_score) values
    (1, 'A', 200),
    (1, 'B', 170),
    (1, 'C', 140),
    (1, 'D', 110),
    (1, 'E', 80);
