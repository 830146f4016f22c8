-- Single sign-on (OpenID Connect): an account signed on by a provider is known by the provider's
-- issuer and the subject (sub) it gives the user; it has no password (empty hash). The boards whose
-- secrets it reads as a member or substitute come from the provider's groups (board codes).
alter table account add column issuer varchar(255);
alter table account add column subject varchar(255);
alter table account add constraint account_issuer_subject unique (issuer, subject);

create table account_board (
    account_id bigint not null references account (id),
    board_code varchar(12) not null,
    primary key (account_id, board_code)
);
