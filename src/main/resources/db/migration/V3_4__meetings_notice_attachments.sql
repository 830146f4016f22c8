-- The attachments a public notice carried: only these are public files. Older notices recorded none,
-- so their attachments wait for a new publication rather than being assumed public.
create table notice_attachment (
    notice_id bigint not null references notice (id),
    attachment_id bigint not null,
    primary key (notice_id, attachment_id)
);
create index notice_attachment_attachment on notice_attachment (attachment_id);
