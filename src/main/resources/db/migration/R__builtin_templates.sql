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
  ],
  "glossary": {
    "it": [
      ["casa", "alloggio", "abitazione", "appartamento", "housing", "abitativo", "semiautonomia", "coabitazione",
       "cohousing", "casa popolare", "appartamento protetto", "soluzione abitativa"],
      ["affitto", "affittare", "locazione", "canone", "cauzione", "deposito cauzionale", "proprietario"],
      ["tutor", "mentore", "mentor", "tutoraggio", "mentoring", "figura di riferimento", "adulto di riferimento",
       "adulto di fiducia", "accompagnatore", "affiancamento"],
      ["lavoro", "impiego", "occupazione", "lavorativo", "inserimento lavorativo", "curriculum", "colloquio di lavoro",
       "assunzione", "assumere", "orientamento professionale", "qualifica", "competenze"],
      ["tirocinio", "stage", "apprendistato", "borsa lavoro"],
      ["azienda", "impresa", "datore di lavoro"],
      ["scuola", "istruzione", "studio", "università", "diploma", "borsa di studio"],
      ["formazione", "aggiornamento", "formativo", "corso", "formare", "supervisione", "buone pratiche"],
      ["coordinamento", "rete", "raccordo", "collaborazione", "integrazione", "tavolo", "protocollo", "équipe",
       "passaggio di consegne", "referente", "multidisciplinare", "intesa", "cartella condivisa"],
      ["ascolto", "ascoltare", "voce", "parere", "opinione", "partecipare", "partecipazione", "coinvolgere",
       "coinvolgimento", "consulta", "rappresentanti", "esprimere", "decisioni", "decidere", "garante"],
      ["pari", "coetanei", "peer", "mutuo aiuto", "auto mutuo aiuto", "gruppo di pari", "peer education",
       "condividere esperienze"]
    ],
    "en": [
      ["housing", "accommodation", "flat", "tenancy", "lodging", "supported flat", "social housing", "homeshare",
       "semi-independent", "staying put"],
      ["rent", "rental", "deposit", "landlord"],
      ["mentor", "tutor", "mentoring", "personal adviser", "key worker", "trusted adult", "adviser", "one-to-one"],
      ["job", "work", "employment", "careers", "cv", "interview", "hire", "vocational", "employability"],
      ["internship", "apprenticeship", "apprentice", "work placement"],
      ["employer", "business", "company"],
      ["school", "education", "studies", "university", "bursary", "college", "qualification"],
      ["training", "course", "upskilling", "train", "supervision", "good practice"],
      ["coordination", "network", "collaboration", "joint work", "multi-agency", "handover", "protocol",
       "lead professional", "agency", "case file"],
      ["listen", "voice", "say", "view", "opinion", "participate", "participation", "involve", "decision",
       "advocate", "represented", "council"],
      ["peer", "peer support", "mutual aid", "support group"]
    ]
  }
}
$json$::jsonb)
on conflict (id) do update set definition = excluded.definition, built_in = true;
