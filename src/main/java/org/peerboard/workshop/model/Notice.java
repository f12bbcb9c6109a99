package org.peerboard.workshop.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Map;

/**
 * The information notice a participant agrees to when joining, in one language, with its version:
 * the first 12 hex characters of the SHA-256 of its text, so that the same text always has the same
 * version and any change to it (a new retention date, an edited notice) makes a new one.
 */
public record Notice(String language, String text, String version) {
  public static final int VERSION_LENGTH = 12;

  public Notice {
    if (!"it".equals(language) && !"en".equals(language)) {
      throw new IllegalArgumentException("a notice is in Italian or English, not " + language);
    }
  }

  public static Notice of(String language, String text) {
    return new Notice(language, text, versionOf(text));
  }

  /** The first 12 hex characters of the SHA-256 of the text's UTF-8 bytes. */
  public static String versionOf(String text) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest).substring(0, VERSION_LENGTH);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  /**
   * What the workshop says about who controls the data, for the built-in notice: each may be null
   * (the notice then says who to ask in general terms).
   */
  public record Controller(
      String title, String organisation, String contact, String purpose, LocalDate retainUntil) {}

  /**
   * The notice a phone in {@code language} shows: the organiser's own text in that language; else
   * their one text (given without a language); else their text in the other language; else the
   * built-in notice, filled in from {@code builtIn} (the {@code notice.builtIn} text of that
   * language, with its {@code {title}}, {@code {organisation}}, {@code {contact}}, {@code
   * {purpose}} and {@code {retainUntil}}) and {@code fallbacks} (what to say when a field is
   * missing: keys {@code organisation}, {@code contact}, {@code purpose}).
   */
  public static Notice choose(
      String language,
      Map<String, String> ownByLanguage,
      String ownText,
      Controller controller,
      String builtIn,
      Map<String, String> fallbacks) {
    String own = ownByLanguage.get(language);
    if (own == null) {
      own = ownText;
    }
    if (own == null) {
      own = ownByLanguage.get("it".equals(language) ? "en" : "it");
    }
    if (own != null) {
      return of(language, own);
    }
    String text =
        builtIn
            .replace("{title}", controller.title())
            .replace("{organisation}", or(controller.organisation(), fallbacks, "organisation"))
            .replace("{contact}", or(controller.contact(), fallbacks, "contact"))
            .replace("{purpose}", or(controller.purpose(), fallbacks, "purpose"))
            .replace("{retainUntil}", String.valueOf(controller.retainUntil()));
    return of(language, text);
  }

  private static String or(String given, Map<String, String> fallbacks, String field) {
    return given != null ? given : fallbacks.getOrDefault(field, "");
  }
}
