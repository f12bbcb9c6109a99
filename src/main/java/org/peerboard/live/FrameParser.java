package org.peerboard.live;

import static org.peerboard.live.FrameFields.MAX_ID;
import static org.peerboard.live.FrameFields.bool;
import static org.peerboard.live.FrameFields.invalid;
import static org.peerboard.live.FrameFields.optionalInt;
import static org.peerboard.live.FrameFields.optionalUuid;
import static org.peerboard.live.FrameFields.requiredBool;
import static org.peerboard.live.FrameFields.string;
import static org.peerboard.live.FrameFields.uuid;
import static org.peerboard.live.FrameFields.version;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.UUID;
import org.peerboard.action.web.ActionFrames;
import org.peerboard.agenda.web.AgendaJson;
import org.peerboard.board.model.Op;
import org.peerboard.board.model.PlainText;
import org.peerboard.board.model.Rejection;
import org.peerboard.board.model.Stage;
import org.peerboard.board.model.TimerAction;
import org.peerboard.live.model.ClientMessage;
import org.peerboard.react.model.NoteReact;
import org.peerboard.vote.model.VoteAction;
import org.peerboard.vote.model.VoteOp;

/**
 * The one allow-list parser of client frames. It reads only the fields it knows, checks their types
 * and sizes, and builds records; anything else becomes an {@code invalid} rejection carrying the
 * opId when it was readable.
 */
public final class FrameParser {
  private FrameParser() {}

  /** A frame that could not be parsed, with the opId when one could be read. */
  public static final class BadFrame extends RuntimeException {
    private final String opId;
    private final Rejection rejection;

    BadFrame(String opId, Rejection rejection) {
      super(rejection.getMessage(), null, false, false);
      this.opId = opId;
      this.rejection = rejection;
    }

    public String opId() {
      return opId;
    }

    public Rejection rejection() {
      return rejection;
    }
  }

  /** Nesting no frame of the protocol comes near; deeper frames are refused before parsing. */
  static final int MAX_DEPTH = 16;

  public static ClientMessage parse(String frame) {
    if (tooDeep(frame)) {
      throw new BadFrame(null, invalid("error.invalidFrame"));
    }
    JsonObject json;
    try {
      json = new JsonObject(frame);
    } catch (DecodeException | ClassCastException e) {
      throw new BadFrame(null, invalid("error.invalidFrame"));
    }
    String type = json.getValue("type") instanceof String s ? s : null;
    if ("hello".equals(type)) {
      return hello(json);
    }
    if ("op".equals(type)) {
      return opRequest(json);
    }
    if ("presence".equals(type)) {
      String phase = json.getValue("phase") instanceof String s && s.length() <= MAX_ID ? s : null;
      return new ClientMessage.Where(phase);
    }
    throw new BadFrame(null, invalid("error.invalidShape"));
  }

  /**
   * Whether brackets outside strings nest deeper than {@link #MAX_DEPTH}: one pass over the
   * characters, far cheaper than building the thousands of nested arrays a hostile frame holds.
   */
  static boolean tooDeep(String frame) {
    int depth = 0;
    boolean inString = false;
    for (int i = 0; i < frame.length(); i++) {
      char c = frame.charAt(i);
      if (inString) {
        if (c == '\\') {
          i++;
        } else if (c == '"') {
          inString = false;
        }
      } else if (c == '"') {
        inString = true;
      } else if (c == '[' || c == '{') {
        if (++depth > MAX_DEPTH) {
          return true;
        }
      } else if (c == ']' || c == '}') {
        depth--;
      }
    }
    return false;
  }

  private static ClientMessage.Hello hello(JsonObject json) {
    try {
      UUID boardId = uuid(json, "boardId");
      String token = string(json, "token", 200);
      Object since = json.getValue("since");
      Long sinceSeq = null;
      if (since != null) {
        if (!(since instanceof Number n)
            || n.doubleValue() != Math.floor(n.doubleValue())
            || n.longValue() < 0) {
          throw invalid("error.invalidShape");
        }
        sinceSeq = n.longValue();
      }
      String lang = json.getValue("lang") instanceof String s ? s : null;
      String clientId =
          json.getValue("clientId") instanceof String s && !s.isBlank() && s.length() <= MAX_ID
              ? s
              : null;
      return new ClientMessage.Hello(boardId, token, sinceSeq, lang, clientId);
    } catch (Rejection r) {
      throw new BadFrame(null, r);
    }
  }

  private static ClientMessage.OpRequest opRequest(JsonObject json) {
    String rawOpId = json.getValue("opId") instanceof String s && s.length() <= MAX_ID ? s : null;
    try {
      UUID opId = uuid(json, "opId");
      String name = string(json, "op", MAX_ID);
      if (!(json.getValue("data") instanceof JsonObject data)) {
        throw invalid("error.invalidShape");
      }
      if (PlainText.hasLoneSurrogate(data.getMap())) {
        throw invalid("error.loneSurrogate");
      }
      return new ClientMessage.OpRequest(opId, op(name, data));
    } catch (Rejection r) {
      throw new BadFrame(rawOpId, r);
    }
  }

  private static Op op(String name, JsonObject data) {
    return switch (name) {
      case "note.add" ->
          new Op.NoteAdd(
              optionalUuid(data, "noteId"),
              string(data, "lane", MAX_ID),
              NoteFrames.tags(data, true),
              NoteFrames.text(data, true));
      case "note.edit" -> {
        String text = NoteFrames.text(data, false);
        List<String> tags = NoteFrames.tags(data, false);
        if (text == null && tags == null) {
          throw invalid("error.invalidShape");
        }
        yield new Op.NoteEdit(uuid(data, "noteId"), text, tags, version(data));
      }
      case "note.move" ->
          new Op.NoteMove(uuid(data, "noteId"), string(data, "lane", MAX_ID), version(data));
      case "note.delete" -> new Op.NoteDelete(uuid(data, "noteId"));
      case "note.redact" -> new Op.NoteRedact(uuid(data, "noteId"), NoteFrames.text(data, true));
      case "note.hide" ->
          new Op.NoteHide(uuid(data, "noteId"), bool(data, "hidden", true), version(data));
      case "note.duplicate" ->
          new Op.NoteDuplicate(uuid(data, "noteId"), optionalUuid(data, "of"), version(data));
      case "board.stage" ->
          new Op.BoardStage(
              Stage.fromWire(string(data, "stage", 20))
                  .orElseThrow(() -> invalid("error.invalidShape")));
      case "board.focus" ->
          new Op.BoardFocus(data.getValue("phase") == null ? null : string(data, "phase", MAX_ID));
      case "board.timer" ->
          new Op.BoardTimer(
              TimerAction.fromWire(string(data, "action", 20))
                  .orElseThrow(() -> invalid("error.invalidShape")),
              optionalInt(data, "seconds"));
      case "board.settings" -> new Op.BoardSettings(SettingsFrames.patch(data));
      case "board.reveal" -> new Op.BoardReveal();
      case "note.react" -> new NoteReact(uuid(data, "noteId"), requiredBool(data, "on"));
      case "participant.remove" -> new Op.ParticipantRemove(uuid(data, "participantId"));
      case "cluster.create" ->
          new Op.ClusterCreate(
              optionalUuid(data, "clusterId"),
              string(data, "lane", MAX_ID),
              NoteFrames.clusterName(data),
              NoteFrames.noteIds(data, true));
      case "cluster.rename" ->
          new Op.ClusterRename(
              uuid(data, "clusterId"), NoteFrames.clusterName(data), version(data));
      case "cluster.add" ->
          new Op.ClusterAdd(
              uuid(data, "clusterId"), NoteFrames.noteIds(data, false), version(data));
      case "cluster.remove" -> new Op.ClusterRemove(NoteFrames.noteIds(data, false));
      case "cluster.merge" ->
          new Op.ClusterMerge(uuid(data, "clusterId"), uuid(data, "intoClusterId"), version(data));
      case "cluster.dissolve" -> new Op.ClusterDissolve(uuid(data, "clusterId"), version(data));
      case "undo" -> new Op.Undo();
      case "vote.open" -> VoteFrames.open(data);
      case "vote.cast" -> VoteFrames.cast(data);
      case "vote.close", "vote.reveal", "vote.reopen" ->
          new VoteOp.Status(
              uuid(data, "roundId"),
              VoteAction.fromWire(name.substring("vote.".length())).orElseThrow());
      case "board.agenda" -> AgendaJson.agenda(data);
      case "board.step" -> AgendaJson.step(data);
      case "vote.link" ->
          new VoteOp.Link(uuid(data, "roundId"), uuid(data, "itemId"), VoteFrames.phases(data));
      case "action.create", "action.update", "action.delete" -> ActionFrames.op(name, data);
      default -> throw invalid("error.unknownOp");
    };
  }
}
