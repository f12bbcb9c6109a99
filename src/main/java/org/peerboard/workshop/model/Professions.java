package org.peerboard.workshop.model;

import java.util.List;

/**
 * The professions a participant may give when joining, as stable codes (their labels live in i18n as
 * {@code join.profession.<camelCase>}). The first five were offered from the start, so stored values stay valid;
 * care leavers and foster families take part in the seed's sessions too.
 */
public final class Professions {
  public static final List<String> CODES = List.of("care_leaver", "foster_family", "educator", "social_worker",
      "psychologist", "coordinator", "other");

  private Professions() {}

  /** Whether a code is one the join form offers; a missing profession is fine and is not asked here. */
  public static boolean known(String code) {
    return CODES.contains(code);
  }
}
