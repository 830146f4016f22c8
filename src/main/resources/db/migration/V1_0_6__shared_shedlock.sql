-- Scheduled jobs run by one node at a time: ShedLock's lock per job name (JdbcTemplateLockProvider).
create table shedlock (
    name varchar(64) not null,
    lock_until timestamp(3) not null,
    locked_at timestamp(3) not null,
    locked_by varchar(255) not null,
    constraint shedlock_pk primary key (name)
);
