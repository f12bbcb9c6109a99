package org.peerboard.export.model;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * What every download says about itself: when it was made, by which PeerBoard version, the version
 * of its columns and JSON shape ({@link #SCHEMA_VERSION}), what it covers, its language and the
 * time zone of its spreadsheet times.
 */
public record ExportMeta(
    Instant exportedAt,
    String version,
    int schemaVersion,
    ExportScope.Kind scope,
    String scopeName,
    String language,
    ZoneId zone) {
  /**
   * 3: participants, ballots, comments and codebook tables; tag, edited and redacted columns; times
   * of CSV in the workshop's zone.
   */
  public static final int SCHEMA_VERSION = 3;

  public static ExportMeta of(ExportScope scope, ZoneId zone) {
    String name =
        scope.studyName() != null
            ? scope.studyName()
            : scope.nameParts().stream()
                .filter(Objects::nonNull)
                .collect(Collectors.joining(" · "));
    return new ExportMeta(
        Instant.now(), running(), SCHEMA_VERSION, scope.kind(), name, scope.language(), zone);
  }

  public String scopeKey() {
    return scope.name().toLowerCase(java.util.Locale.ROOT);
  }

  /** The running build's version (the jar's manifest), {@code development} from the sources. */
  public static String running() {
    String found = ExportMeta.class.getPackage().getImplementationVersion();
    return found == null || found.isBlank() ? "development" : found;
  }

  /** The meta facts as key and value, in the order downloads list them. */
  public List<String[]> entries() {
    return List.of(
        new String[] {"exported_at", exportedAt.toString()},
        new String[] {"version", version},
        new String[] {"schema_version", String.valueOf(schemaVersion)},
        new String[] {"scope", scopeKey()},
        new String[] {"scope_name", scopeName},
        new String[] {"language", language},
        new String[] {"time_zone", zone.getId()});
  }
}
