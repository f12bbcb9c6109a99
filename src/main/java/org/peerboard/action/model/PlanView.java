package org.peerboard.action.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * The action plan as pages show it: grouped by workshop and group, each action with its status in
 * words. {@code words} gives a page text by its key ({@code action.status.done} …).
 */
public final class PlanView {
  private PlanView() {}

  /**
   * One entry per group that has actions, in plan order: {@code workshop}, {@code group} and its
   * {@code actions}. {@code withOwner} false leaves owners out (the public page).
   */
  public static List<Map<String, Object>> groups(
      List<PlanRow> rows, String language, Function<String, String> words, boolean withOwner) {
    Map<UUID, Map<String, Object>> groups = new LinkedHashMap<>();
    for (PlanRow r : rows) {
      Map<String, Object> group =
          groups.computeIfAbsent(
              r.groupId(),
              id -> {
                Map<String, Object> g = new LinkedHashMap<>();
                g.put("workshop", r.workshop());
                g.put("place", r.place());
                g.put("group", r.group());
                g.put("actions", new ArrayList<Map<String, Object>>());
                return g;
              });
      @SuppressWarnings("unchecked")
      List<Map<String, Object>> actions = (List<Map<String, Object>>) group.get("actions");
      Map<String, Object> a = new LinkedHashMap<>();
      a.put("id", r.actionId().toString());
      a.put("title", r.title());
      a.put("status", r.status().wire());
      a.put("statusLabel", words.apply("action.status." + r.status().wire()));
      a.put("due", r.due() == null ? null : r.due().toString());
      a.put("nextStep", r.nextStep());
      String proposal = withOwner ? r.proposal() : r.publicProposal();
      // on the public page a proposal whose text became the title is said once
      a.put("proposal", !withOwner && r.title().equals(proposal) ? null : proposal);
      a.put("result", r.result() == null ? null : r.result().text(language));
      if (withOwner) {
        a.put("owner", r.owner());
      }
      actions.add(a);
    }
    return new ArrayList<>(groups.values());
  }

  /** How many actions stand in each status, in the order of {@link ActionStatus}. */
  public static List<Map<String, Object>> tally(
      List<PlanRow> rows, Function<String, String> words) {
    List<Map<String, Object>> tally = new ArrayList<>();
    for (ActionStatus status : ActionStatus.values()) {
      long n = rows.stream().filter(r -> r.status() == status).count();
      if (n > 0) {
        tally.add(
            Map.of(
                "status", status.wire(),
                "label", words.apply("action.status." + status.wire()),
                "count", n));
      }
    }
    return tally;
  }
}
