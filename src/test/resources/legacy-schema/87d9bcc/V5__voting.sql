-- Voting on feasible improvements: rounds over the notes and clusters of a lane, their items, and ballots.
-- Ballots are stored one row per participant and item; every aggregate is recomputed from them.

create table vote_round (
  id          uuid primary key,
  board_id    uuid not null references board (id) on delete cascade,
  lane        text not null,
  kind        text not null check (kind in ('dots', 'rating')),
  status      text not null default 'open' check (status in ('open', 'closed', 'revealed')),
  budget      int,
  cap         int,
  criteria    jsonb not null default '[]'::jsonb,
  anonymous   boolean not null default true,
  comments    boolean not null default false,
  created_at  timestamptz not null default now(),
  foreign key (board_id, lane) references lane (board_id, id)
);
create index vote_round_board on vote_round (board_id, created_at);

create table vote_item (
  round_id  uuid not null references vote_round (id) on delete cascade,
  item_id   uuid not null,
  kind      text not null check (kind in ('note', 'cluster')),
  position  int not null,
  phases    text[] not null default '{}',
  primary key (round_id, item_id)
);

create table ballot (
  round_id        uuid not null references vote_round (id) on delete cascade,
  participant_id  uuid not null references participant (id) on delete cascade,
  item_id         uuid not null,
  dots            int not null default 0 check (dots >= 0),
  scores          jsonb not null default '{}'::jsonb,
  comment         text check (comment is null or char_length(comment) <= 500),
  updated_at      timestamptz not null default now(),
  primary key (round_id, participant_id, item_id),
  foreign key (round_id, item_id) references vote_item (round_id, item_id) on delete cascade
);
