-- "Me too" (issue 23): one agreement per participant per note. Counts are read from these rows; no event or
-- export ever names who agreed. A participant's agreements leave with them: deleted with the participant
-- (cascade), and deleted by a trigger when the participant is removed or withdraws (removed_at set), so every
-- way of taking a participant off a board keeps the counts right.

create table reaction (
  note_id         uuid not null references note (id) on delete cascade,
  participant_id  uuid not null references participant (id) on delete cascade,
  board_id        uuid not null references board (id) on delete cascade,
  created_at      timestamptz not null default now(),
  primary key (note_id, participant_id)
);
create index reaction_board on reaction (board_id);
create index reaction_participant on reaction (participant_id);

create function reaction_leaves_with_participant() returns trigger language plpgsql as $$
begin
  if new.removed_at is not null and old.removed_at is null then
    delete from reaction where participant_id = new.id;
  end if;
  return new;
end $$;

create trigger reaction_leaves_with_participant after update of removed_at on participant
  for each row execute function reaction_leaves_with_participant();
