package org.peerboard.workshop.db;

import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import java.util.HashMap;
import java.util.Map;
import java.util.ResourceBundle;
import org.peerboard.i18n.Messages;
import org.peerboard.workshop.model.Notice;

/**
 * The information notice of a workshop, read from its row ({@link #COLUMNS} of {@code workshop w}),
 * in one language: the organiser's own text or the built-in one of {@code
 * i18n/messages_*.properties} ({@code notice.builtIn}).
 */
public final class Notices {
  private Notices() {}

  /** What a query must select from {@code workshop w} for {@link #of}. */
  public static final String COLUMNS =
      "w.title, w.organisation, w.contact, w.purpose, w.privacy_notice, w.privacy_notices, w.retain_until";

  /** Keeps the text a participant agreed to (once per version and language), for the downloads. */
  static final String RECORD =
      """
      insert into notice (workshop_id, version, language, text) values ($1, $2, $3, $4)
      on conflict do nothing""";

  /**
   * The workshop's notice in this language ({@code it} or {@code en}; anything else is English).
   */
  public static Notice of(Row row, String language) {
    String lang = Messages.language(language);
    Map<String, String> own = new HashMap<>();
    if (row.getValue("privacy_notices") instanceof JsonObject perLanguage) {
      perLanguage.forEach(e -> own.put(e.getKey(), String.valueOf(e.getValue())));
    }
    ResourceBundle texts = Messages.bundle("i18n/messages", lang);
    return Notice.choose(
        lang,
        own,
        row.getString("privacy_notice"),
        new Notice.Controller(
            row.getString("title"),
            row.getString("organisation"),
            row.getString("contact"),
            row.getString("purpose"),
            row.getLocalDate("retain_until")),
        texts.getString("notice.builtIn"),
        Map.of(
            "organisation", texts.getString("notice.noOrganisation"),
            "contact", texts.getString("notice.noContact"),
            "purpose", texts.getString("notice.noPurpose")));
  }
}
