-- What each notice version was composed from (SHA-256 of the official page without page numbers):
-- publishing with nothing changed makes no new version, and the meeting page warns when the
-- agenda or a report changed after publication. Null for versions published before.
alter table notice add column source_sha256 varchar(64);
