-- Removing an agenda item is recorded, not a deletion: who removed it, when, and the number it had
-- (where a restored item goes back). A removed item is hidden from the agenda, the notice, the public
-- pages and search, and keeps its row after the agenda's items (positions of the items in use come first).
alter table agenda_item add column removed_at timestamp;
alter table agenda_item add column removed_by varchar(200);
alter table agenda_item add column removed_number integer;
alter table agenda_item_aud add column removed_at timestamp;
alter table agenda_item_aud add column removed_by varchar(200);
alter table agenda_item_aud add column removed_number integer;
