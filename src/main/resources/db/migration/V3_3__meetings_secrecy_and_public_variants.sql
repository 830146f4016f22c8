-- Secrecy marks (OSL) on agenda items ("behandlas inom stängda dörrar") and on minute sections.
alter table agenda_item add column confidential boolean default false not null;
alter table agenda_item add column legal_ground varchar(200);
alter table agenda_item_aud add column confidential boolean;
alter table agenda_item_aud add column legal_ground varchar(200);
alter table decision add column confidential boolean default false not null;
alter table decision add column legal_ground varchar(200);

-- A published notice keeps its public variant in html/pdf_key/pdf_sha256/page_count/entries (what
-- /public serves) and, when something was withheld or masked, the official complete one here.
-- Null: the official notice is the public one.
alter table notice add column official_html varchar;
alter table notice add column official_pdf_key varchar(64);
alter table notice add column official_pdf_sha256 varchar(64);
alter table notice add column official_page_count integer;
alter table notice add column official_entries varchar;

-- Minutes keep the official document in html/pdf_key/signed_pdf_key (what is signed and sealed)
-- and, when something is withheld or masked, the public variant here. Null: the official minutes
-- are public as they are.
alter table minutes add column public_html varchar;
alter table minutes add column public_pdf_key varchar(64);
alter table minutes add column public_pdf_sha256 varchar(64);
