package org.peerboard.i18n;

import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Translations of error messages and other server-side text, from the {@code i18n/errors} bundles.
 */
public final class Messages {
  public static final String DEFAULT_LANGUAGE = "en";

  private Messages() {}

  public static String language(String requested) {
    return "it".equals(requested) ? "it" : "en";
  }

  public static String error(String language, String key) {
    return lookup("i18n/errors", language, key);
  }

  public static ResourceBundle bundle(String name, String language) {
    return ResourceBundle.getBundle(
        name,
        Locale.forLanguageTag(language(language)),
        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
  }

  private static String lookup(String bundle, String language, String key) {
    try {
      return bundle(bundle, language).getString(key);
    } catch (MissingResourceException e) {
      return key;
    }
  }
}
