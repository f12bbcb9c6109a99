package org.peerboard.workshop.model;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The professions a participant may give when joining, as stable codes (their labels live in i18n
 * as {@code join.profession.<camelCase>}). The first five were offered from the start, so stored
 * values stay valid; care leavers and foster families take part in the seed's sessions too.
 */
public final class Professions {
  public static final List<String> CODES =
      List.of(
          "care_leaver",
          "foster_family",
          "educator",
          "social_worker",
          "psychologist",
          "coordinator",
          "other");

  private Professions() {}

  /**
   * The code for what a client sent, read loosely as earlier clients wrote it ("Social worker",
   * "care-leaver"); empty when it is none of the list.
   */
  public static Optional<String> code(String given) {
    String code = given.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s-]+", "_");
    return CODES.contains(code) ? Optional.of(code) : Optional.empty();
  }
}
