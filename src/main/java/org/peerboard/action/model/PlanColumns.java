package org.peerboard.action.model;

import java.util.List;

/** The columns of the Actions table (actions.csv, the Actions sheet), as stable keys. */
public final class PlanColumns {
  private PlanColumns() {}

  public static final List<String> ACTIONS =
      List.of(
          "action_id",
          "workshop_id",
          "workshop",
          "place",
          "date",
          "group_id",
          "group",
          "title",
          "proposal_id",
          "proposal",
          "vote_rank",
          "vote_result",
          "owner",
          "due",
          "status",
          "next_step",
          "created_at",
          "updated_at");

  /** One row's cells, in the order of {@link #ACTIONS}; times stay times for each format. */
  public static Object[] cells(PlanRow r, String language) {
    return new Object[] {
      r.actionId().toString(),
      r.workshopId().toString(),
      r.workshop(),
      r.place(),
      r.date() == null ? null : r.date().toString(),
      r.groupId().toString(),
      r.group(),
      r.title(),
      r.proposalId() == null ? null : r.proposalId().toString(),
      r.proposal(),
      r.result() == null ? null : r.result().rank(),
      r.result() == null ? null : r.result().text(language),
      r.owner(),
      r.due() == null ? null : r.due().toString(),
      r.status().wire(),
      r.nextStep(),
      r.createdAt(),
      r.updatedAt()
    };
  }
}
