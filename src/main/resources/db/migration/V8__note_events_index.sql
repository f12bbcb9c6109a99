-- A moderator's op on a note (hide, show, redact, delete) patches every event of the log that holds the note
-- (V4__note_patches_in_log.sql). Found by scanning the board's whole log, that cost grew with the log, not with the
-- note: on a long log four boards' note.hide held every pipeline slot for seconds. The ids of the notes an event
-- holds (data.note alone, or the list data.notes) are indexed, so the patch reads only the events of that note.

create function pb_event_note_ids(data jsonb) returns text[]
language sql immutable parallel safe as $$
  select array(
    select data->'note'->>'id' where data->'note'->>'id' is not null
    union all
    select e->>'id'
      from jsonb_array_elements(case when jsonb_typeof(data->'notes') = 'array' then data->'notes' else '[]'::jsonb end) e
     where jsonb_typeof(e) = 'object' and e->>'id' is not null)
$$;

create index board_event_note_ids on board_event using gin (pb_event_note_ids(data));
