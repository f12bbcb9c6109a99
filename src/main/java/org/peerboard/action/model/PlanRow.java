package org.peerboard.action.model;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One action as the organiser's page, the exports, the report and the progress page read it: with
 * its group and workshop, the proposal it came from (its text, null when it is gone or hidden) and
 * that proposal's vote result (null when it was never revealed).
 */
public record PlanRow(
    UUID actionId,
    UUID workshopId,
    String workshop,
    String place,
    LocalDate date,
    UUID groupId,
    String group,
    int groupPosition,
    String title,
    UUID proposalId,
    String proposal,
    boolean proposalHidden,
    VoteResult result,
    String owner,
    LocalDate due,
    ActionStatus status,
    String nextStep,
    OffsetDateTime createdAt,
    OffsetDateTime updatedAt) {

  public PlanRow withResult(VoteResult found) {
    return new PlanRow(
        actionId,
        workshopId,
        workshop,
        place,
        date,
        groupId,
        group,
        groupPosition,
        title,
        proposalId,
        proposal,
        proposalHidden,
        found,
        owner,
        due,
        status,
        nextStep,
        createdAt,
        updatedAt);
  }

  /** The proposal's text where the public may read it: none when it was hidden by moderation. */
  public String publicProposal() {
    return proposalHidden ? null : proposal;
  }
}
