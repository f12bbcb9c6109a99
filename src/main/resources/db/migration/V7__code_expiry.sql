-- Join codes stop working a configurable time after their board closes (issue 13): when it closed is kept here,
-- set by a trigger so that every way of changing the stage keeps it right; reopening clears it.
alter table board add column closed_at timestamptz;
update board set closed_at = now() where stage = 'closed';

create function board_closed_at() returns trigger language plpgsql as $$
begin
  if new.stage = 'closed' and old.stage is distinct from 'closed' then
    new.closed_at := now();
  elsif new.stage <> 'closed' then
    new.closed_at := null;
  end if;
  return new;
end $$;

create trigger board_closed_at before update of stage on board
  for each row execute function board_closed_at();
