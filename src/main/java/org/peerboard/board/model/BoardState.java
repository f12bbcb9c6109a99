package org.peerboard.board.model;

/** The parts of a board that decide what may happen now: its stage, focused phase and late-notes setting. */
public record BoardState(Stage stage, String focus, boolean lateNotes) {}
