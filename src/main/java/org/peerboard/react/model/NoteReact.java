package org.peerboard.react.model;

import java.util.UUID;
import org.peerboard.board.model.Op;

/**
 * "Me too": a participant agrees with a note ({@code on}) or takes the agreement back. Setting it
 * twice changes nothing: one agreement per participant per note.
 */
public record NoteReact(UUID noteId, boolean on) implements Op {}
