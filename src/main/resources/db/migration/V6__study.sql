-- Studies: several workshops (e.g. the Prato and the Florence sessions) compared and exported together. A study has
-- its own key (only its hash is kept); deleting a workshop takes it out of every study.

create table study (
  id          uuid primary key,
  name        text not null check (char_length(name) between 1 and 120),
  key_hash    bytea not null unique,
  created_at  timestamptz not null default now()
);

create table study_workshop (
  study_id     uuid not null references study (id) on delete cascade,
  workshop_id  uuid not null references workshop (id) on delete cascade,
  position     int not null,
  primary key (study_id, workshop_id)
);
create index study_workshop_workshop on study_workshop (workshop_id);
