-- The run-sheet (issue 24): a board's planned agenda of steps, and every start of a step with its planned
-- values as they were when it started (so a later change of the agenda keeps what really ran).

create table agenda (
  board_id  uuid primary key references board (id) on delete cascade,
  steps     jsonb not null,
  current   int,
  set_at    timestamptz not null default now()
);

create table agenda_start (
  id          bigserial primary key,
  board_id    uuid not null references board (id) on delete cascade,
  step        int not null,
  title       text,
  phase       text,
  stage       text not null,
  minutes     int not null,
  started_at  timestamptz not null,
  ended_at    timestamptz
);
create index agenda_start_board on agenda_start (board_id, started_at, id);

-- Closing a board ends the step that runs, however the stage was changed, so the last step has its end.
create function agenda_end_on_close() returns trigger language plpgsql as $$
begin
  if new.stage = 'closed' and old.stage is distinct from 'closed' then
    update agenda_start set ended_at = clock_timestamp() where board_id = new.id and ended_at is null;
  end if;
  return new;
end $$;

create trigger agenda_end_on_close after update of stage on board
  for each row execute function agenda_end_on_close();
