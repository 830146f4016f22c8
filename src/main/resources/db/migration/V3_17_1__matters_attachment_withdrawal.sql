-- Withdrawing an attachment is recorded and can be undone: who withdrew it and when, and who put it
-- back and when (the last time each happened). Nothing is deleted; a withdrawn attachment keeps its row.
alter table attachment add column withdrawn_at timestamp with time zone;
alter table attachment add column withdrawn_by varchar(100);
alter table attachment add column restored_at timestamp with time zone;
alter table attachment add column restored_by varchar(100);
