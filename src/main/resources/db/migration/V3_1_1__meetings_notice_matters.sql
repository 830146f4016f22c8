-- Which matters a published notice carried: their attachments are public documents from then on.
create table notice_matter (
    notice_id bigint not null references notice (id),
    matter_id bigint not null references matter (id),
    primary key (notice_id, matter_id)
);
create index notice_matter_matter on notice_matter (matter_id);
