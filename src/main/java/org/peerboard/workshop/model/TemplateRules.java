package org.peerboard.workshop.model;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What makes an organiser's own template usable: a grid of at least one phase and one dimension,
 * short keys that can stand in a lane id, unique within their list, and a label in Italian and in
 * English for everything.
 */
public final class TemplateRules {
  public static final Pattern KEY = Pattern.compile("[a-z][a-z0-9-]{0,29}");
  public static final int MAX_LABEL = 80;

  private TemplateRules() {}

  /**
   * The problems found, each as {@code where: what} in plain words; empty when the template is
   * fine.
   */
  public static List<String> problems(Template template) {
    List<String> problems = new ArrayList<>();
    labels("template", template.labels(), problems);
    list("phases", template.phases(), 1, 12, problems);
    list("dimensions", template.dimensions(), 1, 10, problems);
    list("tags", template.tags(), 0, 10, problems);
    list("extraLanes", template.extraLanes(), 0, 5, problems);
    Set<String> phaseKeys = new HashSet<>();
    template.phases().forEach(p -> phaseKeys.add(p.key()));
    for (Template.Item extra : template.extraLanes()) {
      if (phaseKeys.contains(extra.key())) {
        problems.add("extraLanes." + extra.key() + ": same key as a phase");
      }
    }
    glossary(template.glossary(), problems);
    return problems;
  }

  /**
   * Optional: per language, at most 200 groups of 2 to 20 words or phrases, each 1 to 60
   * characters.
   */
  private static void glossary(Glossary glossary, List<String> problems) {
    glossary
        .byLanguage()
        .forEach(
            (language, groups) -> {
              String where = "glossary." + language;
              if (!List.of("it", "en").contains(language)) {
                problems.add(where + ": only it and en");
                return;
              }
              if (groups.size() > Glossary.MAX_GROUPS) {
                problems.add(where + ": at most " + Glossary.MAX_GROUPS + " groups");
              }
              for (int i = 0; i < groups.size(); i++) {
                List<String> group = groups.get(i);
                if (group == null
                    || group.size() < 2
                    || group.size() > Glossary.MAX_ENTRIES
                    || group.stream()
                        .anyMatch(
                            w -> w == null || w.isBlank() || w.length() > Glossary.MAX_ENTRY)) {
                  problems.add(
                      where
                          + "["
                          + i
                          + "]: a list of 2 to "
                          + Glossary.MAX_ENTRIES
                          + " words or phrases of 1 to "
                          + Glossary.MAX_ENTRY
                          + " characters");
                }
              }
            });
  }

  private static void list(
      String where, List<Template.Item> items, int min, int max, List<String> problems) {
    if (items.size() < min || items.size() > max) {
      problems.add(where + ": between " + min + " and " + max + " entries, found " + items.size());
    }
    Set<String> keys = new HashSet<>();
    for (int i = 0; i < items.size(); i++) {
      Template.Item item = items.get(i);
      String at = where + "[" + i + "]";
      if (item.key() == null || !KEY.matcher(item.key()).matches()) {
        problems.add(
            at + ".key: lower-case letters, digits and dashes, starting with a letter, at most 30");
      } else if (!keys.add(item.key())) {
        problems.add(at + ".key: '" + item.key() + "' appears twice");
      }
      labels(at, item.labels(), problems);
    }
  }

  private static void labels(String where, Map<String, String> labels, List<String> problems) {
    for (String language : List.of("it", "en")) {
      String label = labels == null ? null : labels.get(language);
      if (label == null || label.isBlank() || label.length() > MAX_LABEL) {
        problems.add(
            where
                + ".labels."
                + language
                + ": a label of 1 to "
                + MAX_LABEL
                + " characters is needed");
      }
    }
  }
}
