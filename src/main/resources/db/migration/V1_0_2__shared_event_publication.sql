-- Spring Modulith's event publication registry (JPA flavour, spring-modulith-events-jpa 2.0): one row
-- per event and listener, written in the publishing transaction and deleted when the listener has
-- completed (spring.modulith.events.completion-mode=delete), so the table holds exactly the reactions
-- still to be done. Columns as Modulith's own schema-h2.sql / schema-postgresql.sql (v2), in types both
-- databases read alike; Hibernate validates them against the entity.
create table event_publication (
    id uuid not null primary key,
    listener_id varchar(512) not null,
    event_type varchar(512) not null,
    serialized_event varchar(4000) not null,
    publication_date timestamp with time zone not null,
    completion_date timestamp with time zone,
    status varchar(20),
    completion_attempts integer,
    last_resubmission_date timestamp with time zone
);

-- Modulith looks incomplete publications up by completion date (and the admin page by age). Its
-- index on the serialized event is left out: PostgreSQL's is a hash index H2 cannot create, and a
-- btree over 4,000 characters could refuse an insert, and with it the business transaction.
create index event_publication_by_completion_date on event_publication (completion_date);
create index event_publication_by_publication_date on event_publication (publication_date);

-- Effects a replayed publication must not repeat (an e-mail to the members, a notice-board posting):
-- a handler claims its key in its own transaction before acting, so a replay finds it taken.
create table event_effect (
    effect_key varchar(200) not null primary key,
    done_at timestamp with time zone not null
);
