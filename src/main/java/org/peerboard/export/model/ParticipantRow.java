package org.peerboard.export.model;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A participant as exported: a pseudonym (P1, P2 … per board, in joining order) and a key unique
 * across a study ({@link #key}); the name only when the board showed names; when they agreed to
 * which notice, and when they withdrew.
 */
public record ParticipantRow(
    String pseudonym,
    String name,
    String profession,
    boolean removed,
    OffsetDateTime joinedAt,
    OffsetDateTime consentedAt,
    String noticeVersion,
    OffsetDateTime withdrawnAt) {

  /**
   * The participant's key across workshops and studies: the first 8 hex digits of the group's id
   * and the pseudonym ({@code 3f9a12bc-P3}); the notes' {@code author_key} is the same.
   */
  public static String key(UUID groupId, String pseudonym) {
    return pseudonym == null || pseudonym.isEmpty()
        ? null
        : groupId.toString().substring(0, 8) + "-" + pseudonym;
  }
}
