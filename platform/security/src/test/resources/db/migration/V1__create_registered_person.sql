-- The test application's own table, shaped like a service's customer table: personal data
-- encrypted, its blind index unique.
create table registered_person (
    id                uuid primary key,
    name              text not null,
    id_number         text not null,
    id_number_index   text not null unique
);
