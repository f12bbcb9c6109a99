-- The action plan (issue 25): what a group decided to do about its voted improvements, a public
-- progress page per workshop, and the notes a new workshop carried forward from earlier ones.

create table board_action (
  id               uuid primary key,
  board_id         uuid not null references board (id) on delete cascade,
  title            text not null check (char_length(title) between 1 and 200),
  -- the proposal it came from (a note or a cluster of this board); kept when the proposal goes
  from_note_id     uuid,
  from_cluster_id  uuid,
  owner            text check (owner is null or char_length(owner) <= 120),
  due              date,
  status           text not null default 'proposed'
                   check (status in ('proposed', 'agreed', 'in_progress', 'done', 'dropped')),
  next_step        text check (next_step is null or char_length(next_step) <= 500),
  version          int not null default 1,
  created_at       timestamptz not null default now(),
  updated_at       timestamptz not null default now()
);
create index board_action_board on board_action (board_id, created_at);

-- one read-only public link per workshop; only its hash is kept
create table progress_link (
  workshop_id  uuid primary key references workshop (id) on delete cascade,
  key_hash     bytea not null unique,
  created_at   timestamptz not null default now()
);

-- a note a new workshop started with, and where it came from (copied: the origin may be deleted)
create table carried_note (
  note_id          uuid primary key references note (id) on delete cascade,
  board_id         uuid not null references board (id) on delete cascade,
  kind             text not null check (kind in ('action', 'improvement')),
  from_workshop    text not null,
  from_group       text not null,
  result           text,
  status           text,
  position         int not null
);
create index carried_note_board on carried_note (board_id, position);
