-- Extra items announced at a meeting, as data: until now they were only a sentence in the decision
-- on the extra-items item ("Följande extra ärenden anmäls och tas upp: GSN2023/12 Titel; …."), read
-- back by its wording. The sentence stays the decision's text; it is now written from these rows.
create table extra_item (
    record_id bigint not null references meeting_record (id),
    position integer not null,
    matter_id bigint not null references matter (id),
    diary_number varchar(30) not null,
    title varchar(500) not null,
    primary key (record_id, position)
);

-- Existing sentences: each matter on the meeting's agenda whose diary number the sentence lists is
-- one extra item, in the order the sentence names them; its title is what the sentence says.
insert into extra_item (record_id, position, matter_id, diary_number, title)
select record_id, row_number() over (partition by record_id order by at) - 1, matter_id, diary_number,
       substring(items from at + length(diary_number) + 3
                 for position(';' in substring(items from at + length(diary_number) + 3)) - 1)
from (
    select distinct d.record_id, m.id as matter_id, listed.items,
           m.diary_prefix || cast(m.diary_year as varchar(4)) || '/' || cast(m.diary_serial as varchar(6)) as diary_number,
           position('; ' || m.diary_prefix || cast(m.diary_year as varchar(4)) || '/'
                    || cast(m.diary_serial as varchar(6)) || ' ' in listed.items) as at
    from decision d
    join agenda_item x on x.id = d.agenda_item_id and x.kind = 'EXTRA_ITEMS'
    join (
        select id, '; ' || substring(decision_text from 44 for length(decision_text) - 44) || ';' as items
        from decision
        where decision_text like 'Följande extra ärenden anmäls och tas upp: %.'
    ) listed on listed.id = d.id
    join agenda_item a on a.meeting_id = x.meeting_id and a.matter_id is not null
    join matter m on m.id = a.matter_id
    where not exists (select 1 from extra_item e where e.record_id = d.record_id)
) found
where at > 0;
