-- Built-in templates. Repeatable: edited in place, re-applied by Flyway when this file changes.
insert into template (id, built_in, definition) values ('care-pathway', true, $json$
{
  "id": "care-pathway",
  "labels": {"it": "Percorso di tutela", "en": "Care pathway"},
  "phases": [
    {"key": "reporting", "labels": {"it": "Segnalazione", "en": "Reporting and referral"}},
    {"key": "custody",   "labels": {"it": "Presa in carico", "en": "Taking into care"}},
    {"key": "removal",   "labels": {"it": "Allontanamento dalla famiglia", "en": "Removal from the family"}},
    {"key": "path",      "labels": {"it": "Scelta del percorso e monitoraggio", "en": "Choice of the care path and monitoring"}},
    {"key": "leaving",   "labels": {"it": "Uscita dal percorso di tutela", "en": "Leaving care"}}
  ],
  "dimensions": [
    {"key": "actors",        "labels": {"it": "Attori coinvolti", "en": "Actors involved"}},
    {"key": "issues",        "labels": {"it": "Criticità", "en": "Critical issues"}},
    {"key": "resources",     "labels": {"it": "Risorse utilizzate", "en": "Resources used"}},
    {"key": "participation", "labels": {"it": "Spazi di partecipazione", "en": "Spaces for participation"}}
  ],
  "tags": [
    {"key": "foster",   "labels": {"it": "Famiglia affidataria", "en": "Foster family"}},
    {"key": "facility", "labels": {"it": "Comunità residenziale", "en": "Residential care facility"}}
  ],
  "extraLanes": [
    {"key": "improvements", "labels": {"it": "Possibili miglioramenti", "en": "Potential improvements"}}
  ]
}
$json$::jsonb)
on conflict (id) do update set definition = excluded.definition, built_in = true;
