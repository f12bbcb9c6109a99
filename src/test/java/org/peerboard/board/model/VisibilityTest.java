package org.peerboard.board.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("What each viewer is shown")
class VisibilityTest {
  private static final UUID BOARD = UUID.randomUUID();
  private final Actor alice = new Actor(BOARD, Role.PARTICIPANT, UUID.randomUUID());
  private final Actor bruno = new Actor(BOARD, Role.PARTICIPANT, UUID.randomUUID());
  private final Actor moderator = new Actor(BOARD, Role.MODERATOR, null);
  private final Actor organiser = new Actor(BOARD, Role.ORGANISER, null);
  private final Actor projector = new Actor(BOARD, Role.VIEWER, null);

  private Note note(boolean hidden, boolean secret, boolean held, String authorName) {
    return new Note(
        UUID.randomUUID(),
        "custody:issues",
        List.of("foster"),
        "Tempi lunghi del tribunale",
        alice.participantId(),
        Role.PARTICIPANT,
        hidden,
        null,
        null,
        2,
        secret,
        held,
        authorName);
  }

  @Test
  @DisplayName(
      "a plain note is read by everyone; only its author learns it is theirs, and nobody gets the author's id")
  void plainNote() {
    Note note = note(false, false, false, null);
    NoteView forAlice = Visibility.note(note, alice);
    NoteView forBruno = Visibility.note(note, bruno);
    assertTrue(forAlice.mine());
    assertFalse(forBruno.mine());
    assertEquals("Tempi lunghi del tribunale", forBruno.text());
    assertEquals("Tempi lunghi del tribunale", Visibility.note(note, projector).text());
    assertFalse(forBruno.byModerator());
    assertFalse(forBruno.secret());
  }

  @Test
  @DisplayName(
      "a hidden note's text reaches only its author and those who run the board; others do not list it")
  void hiddenNote() {
    Note note = note(true, false, false, null);
    assertNull(Visibility.note(note, bruno).text());
    assertNull(Visibility.note(note, projector).text());
    assertEquals(note.text(), Visibility.note(note, alice).text());
    assertEquals(note.text(), Visibility.note(note, moderator).text());
    assertEquals(note.text(), Visibility.note(note, organiser).text());
    assertFalse(Visibility.listed(note, bruno));
    assertFalse(Visibility.listed(note, projector));
    assertTrue(Visibility.listed(note, alice));
    assertTrue(Visibility.listed(note, moderator));
    assertFalse(Visibility.note(note, moderator).secret(), "hidden wins over secret");
  }

  @Test
  @DisplayName(
      "a secret note is marked secret for the moderator and for those who may not read it, plain for its author")
  void secretNote() {
    Note note = note(false, true, false, "Alice");
    NoteView forBruno = Visibility.note(note, bruno);
    assertNull(forBruno.text());
    assertTrue(forBruno.secret());
    assertNull(forBruno.author(), "the name goes with the text");
    NoteView forModerator = Visibility.note(note, moderator);
    assertEquals(note.text(), forModerator.text());
    assertTrue(forModerator.secret());
    assertEquals("Alice", forModerator.author());
    NoteView forAlice = Visibility.note(note, alice);
    assertEquals(note.text(), forAlice.text());
    assertFalse(forAlice.secret());
  }

  @Test
  @DisplayName("a held note is flagged held; a note taken out of the log shows no text to anyone")
  void heldAndScrubbed() {
    assertTrue(Visibility.note(note(true, false, true, null), moderator).held());
    Note scrubbed =
        new Note(
            UUID.randomUUID(),
            "custody:issues",
            List.of(),
            null,
            alice.participantId(),
            Role.PARTICIPANT,
            false,
            null,
            null,
            1,
            false,
            false,
            null);
    assertNull(Visibility.note(scrubbed, moderator).text());
    assertNull(Visibility.note(scrubbed, alice).text());
  }

  @Test
  @DisplayName("an event is never withheld: every note in it is cut down, everything else stays")
  void eventsKeepTheirShape() {
    Note hidden = note(true, false, false, null);
    Note plain = note(false, false, false, null);
    BoardEvent.ClusterCreated created =
        new BoardEvent.ClusterCreated(
            new Placement(List.of(hidden, plain), List.of(), List.of(), UUID.randomUUID(), null));
    BoardEvent.ClusterCreated seen = (BoardEvent.ClusterCreated) Visibility.of(created, bruno);
    assertEquals(created.placement().clusterId(), seen.placement().clusterId());
    assertEquals(2, seen.placement().notes().size());
    assertNull(((NoteView) seen.placement().notes().get(0)).text());
    assertEquals(plain.text(), ((NoteView) seen.placement().notes().get(1)).text());
    BoardEvent staged = new BoardEvent.BoardStaged(Stage.VOTING, null);
    assertSame(staged, Visibility.of(staged, bruno));
  }

  @Test
  @DisplayName(
      "deleting or redacting a note takes its text out of earlier events; hiding it sets its flags there")
  void logPatches() {
    Note note = note(false, false, false, null);
    BoardEvent added = new BoardEvent.NoteAdded(note);
    BoardEvent scrubbed =
        LogPatch.of(new BoardEvent.NoteDeleted(note.id(), note.lane(), null, List.of()))
            .applyTo(added);
    assertNull(
        ((BoardEvent.NoteAdded) scrubbed).note() instanceof Note n ? n.text() : "not a note");
    Note nowHidden = note(true, false, false, null);
    Note sameIdHidden =
        new Note(
            note.id(),
            note.lane(),
            note.tags(),
            note.text(),
            note.authorId(),
            note.authorRole(),
            true,
            null,
            null,
            3,
            false,
            false,
            null);
    LogPatch hide =
        LogPatch.of(
            new BoardEvent.NoteHidden(
                new Placement(List.of(sameIdHidden), List.of(), List.of(), null, null)));
    assertTrue(((Note) ((BoardEvent.NoteAdded) hide.applyTo(added)).note()).hidden());
    assertFalse(
        ((Note) ((BoardEvent.NoteAdded) hide.applyTo(new BoardEvent.NoteAdded(nowHidden))).note())
                .hidden()
            && !nowHidden.hidden(),
        "another note is left alone");
    assertNull(LogPatch.of(new BoardEvent.BoardFocused(null)));
  }
}
