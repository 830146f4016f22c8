-- Secrecy marks (OSL) on matters: the register shows the entry, withholding what the ground covers.
alter table matter add column confidential boolean default false not null;
alter table matter add column legal_ground varchar(200);
alter table matter_aud add column confidential boolean;
alter table matter_aud add column legal_ground varchar(200);
alter table attachment add column confidential boolean default false not null;
alter table attachment add column legal_ground varchar(200);
