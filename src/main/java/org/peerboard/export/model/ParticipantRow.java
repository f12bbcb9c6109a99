package org.peerboard.export.model;

import java.time.OffsetDateTime;

/**
 * A participant as exported: a pseudonym (P1, P2 … per board, in joining order), never a name; when
 * they agreed to which notice, and when they withdrew (issue 22).
 */
public record ParticipantRow(
    String pseudonym,
    String profession,
    boolean removed,
    OffsetDateTime joinedAt,
    OffsetDateTime consentedAt,
    String noticeVersion,
    OffsetDateTime withdrawnAt) {}
