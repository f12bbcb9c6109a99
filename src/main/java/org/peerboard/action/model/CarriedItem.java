package org.peerboard.action.model;

/**
 * Something a new workshop starts with, from an earlier one: an open action or a top improvement,
 * with where it came from (workshop, group), its vote result and, for an action, its status.
 */
public record CarriedItem(
    String kind, String text, String workshop, String group, String result, String status) {
  public static final String ACTION = "action";
  public static final String IMPROVEMENT = "improvement";
}
