package org.peerboard.agenda.model;

import java.util.ArrayList;
import java.util.List;
import org.peerboard.board.model.Stage;
import org.peerboard.workshop.model.Template;

/**
 * The agenda a template proposes until the moderator sets one: each phase 15 minutes of collecting,
 * each extra lane (the care-pathway's improvements) 20, then clustering 15 and voting 10. Titles
 * are the template's labels in the workshop's language; the clustering and voting steps take the
 * names the caller gives.
 */
public final class DefaultAgenda {
  public static final int PHASE_MINUTES = 15;
  public static final int EXTRA_LANE_MINUTES = 20;
  public static final int CLUSTERING_MINUTES = 15;
  public static final int VOTING_MINUTES = 10;

  private DefaultAgenda() {}

  public static List<Step> of(
      Template template, String language, String clustering, String voting) {
    List<Step> steps = new ArrayList<>();
    for (Template.Item phase : template.phases()) {
      if (steps.size() < AgendaRules.MAX_STEPS - 2) {
        steps.add(
            new Step(title(phase.label(language)), phase.key(), Stage.COLLECTING, PHASE_MINUTES));
      }
    }
    for (Template.Item lane : template.extraLanes()) {
      if (steps.size() < AgendaRules.MAX_STEPS - 2) {
        steps.add(
            new Step(title(lane.label(language)), null, Stage.COLLECTING, EXTRA_LANE_MINUTES));
      }
    }
    steps.add(new Step(clustering, null, Stage.CLUSTERING, CLUSTERING_MINUTES));
    steps.add(new Step(voting, null, Stage.VOTING, VOTING_MINUTES));
    return steps;
  }

  private static String title(String label) {
    return label.codePointCount(0, label.length()) <= Step.MAX_TITLE
        ? label
        : label.substring(0, label.offsetByCodePoints(0, Step.MAX_TITLE - 1)) + "…";
  }
}
