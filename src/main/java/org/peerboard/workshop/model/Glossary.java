package org.peerboard.workshop.model;

import java.util.List;
import java.util.Map;

/**
 * A template's optional domain glossary: per language, groups of words or phrases that mean the
 * same in this domain (e.g. {@code casa, alloggio, abitazione}), so suggestions can see notes as
 * alike when their words differ.
 */
public record Glossary(Map<String, List<List<String>>> byLanguage) {
  public static final Glossary EMPTY = new Glossary(Map.of());
  public static final int MAX_GROUPS = 200;
  public static final int MAX_ENTRIES = 20;
  public static final int MAX_ENTRY = 60;

  public Glossary {
    byLanguage = Map.copyOf(byLanguage);
  }

  /** The synonym groups of one language; none when the template has no glossary for it. */
  public List<List<String>> groups(String language) {
    return byLanguage.getOrDefault(language, List.of());
  }
}
