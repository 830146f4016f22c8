-- The structured source of each notice version (items, order, titles, report digests, attachments,
-- secrecy) as JSON: the publish preview compares the agenda now against the last published version.
-- Null for versions published before; those are compared by their agenda entries alone.
alter table notice add column outline varchar;
