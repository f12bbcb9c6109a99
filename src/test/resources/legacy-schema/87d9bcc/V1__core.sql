-- PeerBoard core schema: workshops, boards from templates, lanes, participants, notes with tags,
-- the per-board event log and the op ids that make retries idempotent.

create table template (
  id          text primary key,
  definition  jsonb not null,
  built_in    boolean not null default false,
  created_at  timestamptz not null default now()
);

create table workshop (
  id                  uuid primary key,
  title               text not null,
  place               text,
  held_on             date,
  language            text not null check (language in ('it', 'en')),
  template_id         text not null references template (id),
  organiser_key_hash  bytea not null unique,
  privacy_notice      text,
  created_at          timestamptz not null default now()
);

create table board (
  id                  uuid primary key,
  workshop_id         uuid not null references workshop (id) on delete cascade,
  name                text not null,
  position            int not null,
  join_code           text not null,
  moderator_key_hash  bytea not null unique,
  projector_key_hash  bytea not null unique,
  stage               text not null default 'collecting'
                      check (stage in ('collecting', 'clustering', 'voting', 'closed')),
  settings            jsonb not null default '{}'::jsonb,
  focus               text,
  timer               jsonb,
  seq                 bigint not null default 0,
  created_at          timestamptz not null default now()
);
create index board_workshop on board (workshop_id, position);
-- a join code is unique among open boards; a closed board's code may be given out again
create unique index board_open_join_code on board (join_code) where stage <> 'closed';

create table lane (
  board_id   uuid not null references board (id) on delete cascade,
  id         text not null,
  phase      text,
  dimension  text,
  position   int not null,
  primary key (board_id, id)
);

create table participant (
  id           uuid primary key,
  board_id     uuid not null references board (id) on delete cascade,
  token_hash   bytea not null unique,
  name         text,
  profession   text,
  consented_at timestamptz not null,
  removed_at   timestamptz,
  created_at   timestamptz not null default now()
);
create index participant_board on participant (board_id);

create table note (
  id            uuid primary key,
  board_id      uuid not null references board (id) on delete cascade,
  lane          text not null,
  text          text not null check (char_length(text) between 1 and 500),
  tags          text[] not null default '{}',
  author_id     uuid references participant (id) on delete set null,
  author_role   text not null check (author_role in ('participant', 'moderator', 'organiser')),
  hidden        boolean not null default false,
  cluster_id    uuid,
  duplicate_of  uuid,
  version       int not null default 1,
  created_at    timestamptz not null default now(),
  updated_at    timestamptz not null default now(),
  foreign key (board_id, lane) references lane (board_id, id)
);
create index note_board on note (board_id, created_at);

create table board_event (
  board_id    uuid not null references board (id) on delete cascade,
  seq         bigint not null,
  type        text not null,
  data        jsonb not null,
  actor_id    uuid,
  actor_role  text not null,
  note_id     uuid,
  at          timestamptz not null default now(),
  primary key (board_id, seq)
);
-- deleting a note scrubs its text from the events that carried it
create index board_event_note on board_event (board_id, note_id) where note_id is not null;

create table applied_op (
  board_id  uuid not null references board (id) on delete cascade,
  op_id     uuid not null,
  seq       bigint,
  result    jsonb not null default '{}'::jsonb,
  at        timestamptz not null default now(),
  primary key (board_id, op_id)
);
