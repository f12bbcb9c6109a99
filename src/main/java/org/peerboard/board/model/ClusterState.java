package org.peerboard.board.model;

import java.util.List;
import java.util.UUID;

/** A cluster as events and snapshots carry it: its notes in board order and its version. */
public record ClusterState(UUID id, String lane, String name, List<UUID> noteIds, int version) {}
