package org.peerboard.board.db;

import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.peerboard.board.model.BoardState;
import org.peerboard.workshop.model.Template;

/**
 * What the op pipeline last saw of each board and of the people on it, under the board's lock
 * ({@code LOCK_AND_CLAIM}): enough to judge a batch of new notes before taking the lock ({@link
 * OneTripAdds}), whose statement then checks that the board and the people are still so. A guess,
 * never trusted: a board or person not seen yet, or seen otherwise than they now are, costs one
 * statement that writes nothing, and the batch goes the usual way, which sees them afresh. Bounded:
 * the least recently seen are forgotten first.
 */
final class SeenBoards {
  /** Boards, and people, kept at most: a few hundred of each are in use at once. */
  static final int MAX = 10_000;

  /**
   * A board as its locked row read ({@code stage}, {@code focus}, {@code settings}, {@code
   * template_id}, compared as they are by {@code ADD_NOTES}), and what the rules make of it.
   */
  record Board(JsonObject row, BoardState state, Template template) {}

  /** A participant on {@code boardId} under {@code name} (null when they gave none). */
  record Person(UUID boardId, String name) {}

  private final Map<UUID, Board> boards = bounded();
  private final Map<UUID, Person> people = bounded();

  private static <V> Map<UUID, V> bounded() {
    return new LinkedHashMap<>(256, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<UUID, V> eldest) {
        return size() > MAX;
      }
    };
  }

  synchronized void saw(UUID boardId, Board board) {
    boards.put(boardId, board);
  }

  synchronized void saw(UUID participantId, Person person) {
    people.put(participantId, person);
  }

  synchronized Board board(UUID boardId) {
    return boards.get(boardId);
  }

  synchronized Person person(UUID participantId) {
    return people.get(participantId);
  }
}
