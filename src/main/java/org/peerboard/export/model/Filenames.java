package org.peerboard.export.model;

import java.text.Normalizer;
import java.util.Locale;

/** Download names: ASCII, readable, e.g. {@code peerboard-prato-2022-07-18-group-a.csv}. */
public final class Filenames {
  private Filenames() {}

  public static String of(String extension, String... parts) {
    StringBuilder name = new StringBuilder("peerboard");
    for (String part : parts) {
      String slug = slug(part);
      if (!slug.isEmpty()) {
        name.append('-').append(slug);
      }
    }
    return name + "." + extension;
  }

  static String slug(String text) {
    if (text == null) {
      return "";
    }
    String ascii = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    String slug =
        ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    if (slug.length() <= 40) {
      return slug;
    }
    // cut between words: at the last hyphen within the limit (a single word longer than the limit
    // is cut)
    int cut = slug.lastIndexOf('-', 40);
    return cut > 0 ? slug.substring(0, cut) : slug.substring(0, 40);
  }
}
