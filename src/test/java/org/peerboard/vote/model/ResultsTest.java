package org.peerboard.vote.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Vote results, against figures worked out by hand")
class ResultsTest {
  private static final UUID A = UUID.fromString("00000000-0000-0000-0000-00000000000a");
  private static final UUID B = UUID.fromString("00000000-0000-0000-0000-00000000000b");
  private static final UUID C = UUID.fromString("00000000-0000-0000-0000-00000000000c");
  private static final UUID D = UUID.fromString("00000000-0000-0000-0000-00000000000d");
  private static final UUID P1 = UUID.randomUUID();
  private static final UUID P2 = UUID.randomUUID();
  private static final UUID P3 = UUID.randomUUID();

  private static Ballot dots(UUID who, UUID item, int dots) {
    return new Ballot(who, item, dots, Map.of(), null);
  }

  private static Ballot scores(UUID who, UUID item, int feasibility, int sustainability) {
    return new Ballot(
        who, item, 0, Map.of("feasibility", feasibility, "sustainability", sustainability), null);
  }

  @Test
  @DisplayName("dot votes: totals, voters, and ties ranked 1, 2, 2, 4")
  void dots() {
    Round round =
        new Round(
            UUID.randomUUID(),
            "improvements",
            RoundKind.DOTS,
            RoundStatus.REVEALED,
            5,
            3,
            List.of(),
            true,
            false);
    // A: 3+2 = 5 (2 voters); B: 2+1 = 3; C: 3 (1 voter); D: 0
    List<Results.Item> results =
        Results.compute(
            round,
            List.of(A, B, C, D),
            List.of(
                dots(P1, A, 3),
                dots(P2, A, 2),
                dots(P1, B, 2),
                dots(P3, B, 1),
                dots(P2, C, 3),
                dots(P3, D, 0)));
    assertEquals(List.of(A, B, C, D), results.stream().map(Results.Item::itemId).toList());
    assertEquals(List.of(1, 2, 2, 4), results.stream().map(Results.Item::rank).toList());
    assertEquals(List.of(5, 3, 3, 0), results.stream().map(Results.Item::dots).toList());
    assertEquals(List.of(2, 2, 1, 0), results.stream().map(Results.Item::voters).toList());
    assertFalse(results.get(0).tied());
    assertTrue(results.get(1).tied() && results.get(2).tied(), "B and C share second place");
  }

  @Test
  @DisplayName("ratings: n, mean, median, distribution and agreement per criterion")
  void ratings() {
    Round round =
        new Round(
            UUID.randomUUID(),
            "improvements",
            RoundKind.RATING,
            RoundStatus.REVEALED,
            0,
            0,
            List.of("feasibility", "sustainability"),
            true,
            false);
    // A feasibility 4, 4, 5 -> mean 4.33, median 4, sd 0.47 -> agreement 0.76; sustainability 2, 3,
    // 5 -> 3.33, 3
    // B feasibility 1, 5 -> mean 3, median 3, sd 2 -> agreement 0; sustainability 3, 3 -> 3,
    // agreement 1
    List<Results.Item> results =
        Results.compute(
            round,
            List.of(A, B),
            List.of(
                scores(P1, A, 4, 2),
                scores(P2, A, 4, 3),
                scores(P3, A, 5, 5),
                scores(P1, B, 1, 3),
                scores(P2, B, 5, 3)));
    Results.Item a = results.get(0);
    assertEquals(A, a.itemId());
    Results.Criterion feasibility = a.criteria().get("feasibility");
    assertEquals(3, feasibility.n());
    assertEquals(4.33, feasibility.mean());
    assertEquals(4.0, feasibility.median());
    assertArrayEquals(new int[] {0, 0, 0, 2, 1}, feasibility.distribution());
    assertEquals(0.47, feasibility.sd());
    assertEquals(0.76, feasibility.agreement());
    assertEquals(3.33, a.criteria().get("sustainability").mean());
    assertEquals(3.0, a.criteria().get("sustainability").median());
    assertEquals(3.83, a.score(), "the mean of the criteria means (4.33 + 3.33) / 2");
    Results.Item b = results.get(1);
    assertEquals(
        3.0,
        b.criteria().get("feasibility").median(),
        "the median of an even count is the middle mean");
    assertEquals(0.0, b.criteria().get("feasibility").agreement(), "1 and 5: no agreement at all");
    assertEquals(1.0, b.criteria().get("sustainability").agreement());
    assertEquals(2, b.rank());
  }
}
