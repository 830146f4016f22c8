-- Search: what the full-text index holds, one row per searchable document. Derived from the other
-- modules' data by the search module alone (events and a rebuild), so it carries no history.
create table search_entry (
    id varchar(80) not null primary key,
    kind varchar(20) not null,
    reference_id bigint not null,
    matter_id bigint,
    board_id bigint,
    board_code varchar(40),
    board_name varchar(200),
    entry_year integer not null,
    entry_date date not null,
    title varchar(1000) not null,
    body varchar not null,
    internal_url varchar(500) not null,
    public_url varchar(500),
    visibility varchar(10) not null,
    secret boolean default false not null,
    indexed_at timestamp with time zone not null
);
create index search_entry_matter on search_entry (matter_id);
create index search_entry_kind_reference on search_entry (kind, reference_id);
