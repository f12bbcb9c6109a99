-- Participants' rights (issue 22): consent recorded with the version of the notice agreed to, withdrawal from the
-- study, and a retention date after which the workshop deletes itself.

-- The notice a participant agreed to (first 12 hex characters of the SHA-256 of its text) and when they withdrew.
-- A withdrawn participant keeps only its id, board, consent record and withdrawn_at: the token is dropped (null),
-- name and profession are erased.
alter table participant add column notice_version text;
alter table participant add column withdrawn_at timestamptz;
alter table participant alter column token_hash drop not null;

-- The controller's fields the built-in notice names, the organiser's own notice per language ({"it": …, "en": …};
-- the older privacy_notice holds a notice given as one text), and the retention date. Workshops that existed before
-- keep their data for 24 months from this migration (or from their date, if later): none is deleted by an upgrade.
alter table workshop add column organisation text;
alter table workshop add column contact text;
alter table workshop add column purpose text;
alter table workshop add column privacy_notices jsonb;
alter table workshop add column retain_until date;
update workshop set retain_until = (greatest(coalesce(held_on, current_date), current_date) + interval '24 months')::date;
alter table workshop alter column retain_until set not null;
create index workshop_retain_until on workshop (retain_until);

-- Every text a participant of the workshop agreed to, by version and language, for the downloads.
create table notice (
  workshop_id  uuid not null references workshop (id) on delete cascade,
  version      text not null,
  language     text not null check (language in ('it', 'en')),
  text         text not null,
  created_at   timestamptz not null default now(),
  primary key (workshop_id, version, language)
);
