-- Who last marked an attachment secret (or lifted the mark), and when: the matter's history shows it.
alter table attachment add column classified_at timestamp with time zone;
alter table attachment add column classified_by varchar(100);
