-- A note appears in the log either alone (data.note) or in a list (data.notes, cluster events). When a note is
-- deleted or redacted its text leaves every event; when it is hidden or shown again, every event says so.

create function pb_patch_note(note jsonb, patch jsonb, drop_text boolean) returns jsonb
language sql immutable as $$
  select case when drop_text then (note || patch) - 'text' else note || patch end
$$;

create function pb_patch_event(data jsonb, note_id text, patch jsonb, drop_text boolean) returns jsonb
language sql immutable as $$
  select case
    when data->'note'->>'id' = note_id
      then jsonb_set(data, '{note}', pb_patch_note(data->'note', patch, drop_text))
    when jsonb_typeof(data->'notes') = 'array'
      then jsonb_set(data, '{notes}', coalesce((
        select jsonb_agg(case when e.n->>'id' = note_id then pb_patch_note(e.n, patch, drop_text) else e.n end
                         order by e.ord)
          from jsonb_array_elements(data->'notes') with ordinality as e(n, ord)), '[]'::jsonb))
    else data
  end
$$;
