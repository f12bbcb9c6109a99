package org.peerboard.export.model;

/**
 * How participants are named in exports: P1, P2 … per board in the order they joined, stable across
 * formats.
 */
public final class Pseudonyms {
  private Pseudonyms() {}

  public static String of(Long number) {
    return number == null ? "" : "P" + number;
  }
}
