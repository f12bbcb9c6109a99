package org.peerboard.export.model;

import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import org.peerboard.i18n.Messages;

/**
 * Labels of stored codes in the export language: professions (as the join form stores them) and
 * criteria.
 */
public final class Words {
  private Words() {}

  /**
   * The label of a profession code ({@code social_worker} → "Assistente sociale"); a value that is
   * no known code (free text sent through the API) is given as stored.
   */
  public static String profession(String code, String language) {
    if (code == null || code.isBlank()) {
      return null;
    }
    String key =
        "export.profession."
            + code.strip().toLowerCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
    ResourceBundle bundle = Messages.bundle("i18n/messages", language);
    return bundle.containsKey(key) ? bundle.getString(key) : code;
  }

  /**
   * A criterion's label: the round's own label in that language, else the built-in one, else its
   * key.
   */
  public static String criterion(VoteRound.Criterion criterion, String language) {
    String own = criterion.labels().get(Messages.language(language));
    if (own != null && !own.isBlank()) {
      return own;
    }
    ResourceBundle bundle = Messages.bundle("i18n/vote", language);
    String key = "criterion." + criterion.key();
    return bundle.containsKey(key) ? bundle.getString(key) : criterion.key();
  }

  public static String criterion(VoteRound round, String key, String language) {
    return round.criteria().stream()
        .filter(c -> c.key().equals(key))
        .findFirst()
        .map(c -> criterion(c, language))
        .orElseGet(() -> criterion(new VoteRound.Criterion(key, Map.of()), language));
  }
}
