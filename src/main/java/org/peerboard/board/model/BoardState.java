package org.peerboard.board.model;

/** The parts of a board that decide what may happen now: its stage, focused phase and settings. */
public record BoardState(Stage stage, String focus, Settings settings) {
  public boolean lateNotes() {
    return settings.lateNotes();
  }
}
