-- The workshop day: one join code for the whole workshop (participants pick their group), and key generations
-- so an organiser can rotate a board's derived keys when one has leaked.

alter table workshop add column join_code text;
update workshop set join_code = (
  select string_agg(substr('ACDEFGHJKMNPQRTUVWXY34679', (floor(random() * 25) + 1)::int, 1), '')
    from generate_series(1, 6) g where workshop.id is not null)
 where join_code is null;
alter table workshop alter column join_code set not null;
create unique index workshop_join_code on workshop (join_code);

alter table board add column moderator_generation int not null default 0;
alter table board add column projector_generation int not null default 0;
