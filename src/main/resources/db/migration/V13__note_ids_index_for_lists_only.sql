-- The GIN index of the notes each event holds (V8) cost every event it indexed about 0.2 ms at insert (its SQL
-- function evaluated, a GIN entry written), a third of what logging a lone note costs: the regression of issue 28
-- on every op's way to its ack. Most events hold one note, the one in their note_id column, which the btree
-- board_event_note (board_id, note_id) already finds. So the GIN index now holds only the events that hold some
-- other note: a list of notes (data.notes), or a data.note that is not their note_id. The patch of a note in the
-- log (BoardSql.PATCH_NOTE_IN_LOG) reads both indexes; together they find every event that holds the note.

drop index board_event_note_ids;

create index board_event_note_ids on board_event using gin (pb_event_note_ids(data))
  where note_id is null or data ? 'notes' or data->'note'->>'id' is distinct from note_id::text;
