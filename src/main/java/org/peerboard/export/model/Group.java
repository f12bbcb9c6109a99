package org.peerboard.export.model;

import java.util.UUID;

/** One board (a working group) of a workshop, as exported. */
public record Group(
    UUID id, UUID workshopId, String name, int position, String stage, boolean anonymous) {}
