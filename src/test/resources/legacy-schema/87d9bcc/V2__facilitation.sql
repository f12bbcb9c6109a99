-- Facilitation: clusters (named themes inside a lane), held notes, participant removal, secret notes while
-- hidden, the actor's client (so undo takes back one moderator's own ops) and what undo restores.

create table cluster (
  id          uuid primary key,
  board_id    uuid not null references board (id) on delete cascade,
  lane        text not null,
  name        text not null check (char_length(name) between 1 and 120),
  version     int not null default 1,
  created_at  timestamptz not null default now(),
  updated_at  timestamptz not null default now(),
  foreign key (board_id, lane) references lane (board_id, id)
);
create index cluster_board on cluster (board_id, created_at);

alter table note add constraint note_cluster foreign key (cluster_id) references cluster (id) on delete set null;
alter table note add constraint note_duplicate foreign key (duplicate_of) references note (id) on delete set null;
-- a note written while the board hid notes: its text reaches others only after the reveal
alter table note add column secret boolean not null default false;
-- a note held for approval before it shows
alter table note add column held boolean not null default false;

alter table board_event add column actor_client text;
-- the state before the op, for undo; null for ops that cannot be undone
alter table board_event add column undo jsonb;
alter table board_event add column undone_by bigint;
create index board_event_undo on board_event (board_id, actor_role, actor_client, seq desc) where undo is not null;
