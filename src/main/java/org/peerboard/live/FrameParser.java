package org.peerboard.live;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.peerboard.action.web.ActionFrames;
import org.peerboard.agenda.web.AgendaJson;
import org.peerboard.board.model.ErrorCode;
import org.peerboard.board.model.Note;
import org.peerboard.board.model.NoteText;
import org.peerboard.board.model.Op;
import org.peerboard.board.model.PlainText;
import org.peerboard.board.model.Rejection;
import org.peerboard.board.model.Settings;
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
  private static final int MAX_ID = 100;
  private static final int MAX_TAGS = 10;
  private static final int MAX_NOTE_IDS = 500;
  public static final int MAX_CLUSTER_NAME = 120;

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
              tags(data, true),
              text(data, true));
      case "note.edit" -> {
        String text = text(data, false);
        List<String> tags = tags(data, false);
        if (text == null && tags == null) {
          throw invalid("error.invalidShape");
        }
        yield new Op.NoteEdit(uuid(data, "noteId"), text, tags, version(data));
      }
      case "note.move" ->
          new Op.NoteMove(uuid(data, "noteId"), string(data, "lane", MAX_ID), version(data));
      case "note.delete" -> new Op.NoteDelete(uuid(data, "noteId"));
      case "note.redact" -> new Op.NoteRedact(uuid(data, "noteId"), text(data, true));
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
      case "board.settings" -> new Op.BoardSettings(settings(data));
      case "board.reveal" -> new Op.BoardReveal();
      case "note.react" -> new NoteReact(uuid(data, "noteId"), requiredBool(data, "on"));
      case "participant.remove" -> new Op.ParticipantRemove(uuid(data, "participantId"));
      case "cluster.create" ->
          new Op.ClusterCreate(
              optionalUuid(data, "clusterId"),
              string(data, "lane", MAX_ID),
              name(data),
              noteIds(data, true));
      case "cluster.rename" ->
          new Op.ClusterRename(uuid(data, "clusterId"), name(data), version(data));
      case "cluster.add" ->
          new Op.ClusterAdd(uuid(data, "clusterId"), noteIds(data, false), version(data));
      case "cluster.remove" -> new Op.ClusterRemove(noteIds(data, false));
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

  private static Settings.Patch settings(JsonObject data) {
    Object view = data.getValue("view");
    if (view != null
        && !"notes".equals(view)
        && !"clusters".equals(view)
        && !"actions".equals(view)
        && !"where".equals(view)) {
      throw invalid("error.invalidShape");
    }
    boolean clearSpotlight = data.containsKey("spotlight") && data.getValue("spotlight") == null;
    Settings.Patch patch =
        new Settings.Patch(
            optionalBool(data, "anonymous"),
            optionalBool(data, "hideNotes"),
            optionalBool(data, "lateNotes"),
            optionalBool(data, "approveNotes"),
            (String) view,
            optionalBool(data, "showQr"),
            spotlight(data),
            clearSpotlight,
            optionalBool(data, "reactions"),
            optionalBool(data, "reactInVoting"));
    if (patch.anonymous() == null
        && patch.hideNotes() == null
        && patch.lateNotes() == null
        && patch.approveNotes() == null
        && patch.view() == null
        && patch.showQr() == null
        && patch.spotlight() == null
        && patch.reactions() == null
        && patch.reactInVoting() == null
        && !clearSpotlight) {
      throw invalid("error.invalidShape");
    }
    return patch;
  }

  /**
   * What the projector brings forward: a note or cluster id (a UUID, kept in its canonical form),
   * or a whole phase ({@code phase:<key>}) or lane ({@code lane:<id>}); whether that phase or lane
   * exists is the board's rule.
   */
  private static String spotlight(JsonObject data) {
    Object value = data.getValue("spotlight");
    if (value instanceof String s && (s.startsWith("phase:") || s.startsWith("lane:"))) {
      String key = s.substring(s.indexOf(':') + 1);
      if (key.isEmpty() || key.length() > MAX_ID) {
        throw invalid("error.invalidShape");
      }
      return s;
    }
    UUID id = optionalUuid(data, "spotlight");
    return id == null ? null : id.toString();
  }

  private static String name(JsonObject data) {
    Object value =
        data.getValue("name") instanceof String given
            ? PlainText.strip(given)
            : data.getValue("name");
    if (!(value instanceof String name)
        || name.isBlank()
        || name.strip().codePointCount(0, name.strip().length()) > MAX_CLUSTER_NAME
        || name.indexOf('\0') >= 0) {
      throw invalid("error.clusterName");
    }
    return name.strip();
  }

  private static List<UUID> noteIds(JsonObject data, boolean mayBeEmpty) {
    Object value = data.getValue("noteIds");
    if (value == null && mayBeEmpty) {
      return List.of();
    }
    if (!(value instanceof JsonArray array)
        || array.size() > MAX_NOTE_IDS
        || (!mayBeEmpty && array.isEmpty())) {
      throw invalid("error.invalidShape");
    }
    List<UUID> ids = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      UUID id = optionalUuid(new JsonObject().put("id", array.getValue(i)), "id");
      if (id == null) {
        throw invalid("error.invalidShape");
      }
      if (!ids.contains(id)) {
        ids.add(id);
      }
    }
    return List.copyOf(ids);
  }

  private static boolean requiredBool(JsonObject data, String field) {
    Boolean value = optionalBool(data, field);
    if (value == null) {
      throw invalid("error.invalidShape");
    }
    return value;
  }

  private static boolean bool(JsonObject data, String field, boolean fallback) {
    Boolean value = optionalBool(data, field);
    return value == null ? fallback : value;
  }

  static Boolean optionalBool(JsonObject data, String field) {
    Object value = data.getValue(field);
    if (value == null) {
      return null;
    }
    if (!(value instanceof Boolean b)) {
      throw invalid("error.invalidShape");
    }
    return b;
  }

  static Integer optionalInt(JsonObject data, String field) {
    Object value = data.getValue(field);
    if (value == null) {
      return null;
    }
    if (!(value instanceof Number n)
        || n.doubleValue() != Math.floor(n.doubleValue())
        || Math.abs(n.doubleValue()) > Integer.MAX_VALUE) {
      throw invalid("error.invalidShape");
    }
    return n.intValue();
  }

  static String text(JsonObject data, boolean required) {
    Object value = data.getValue("text");
    if (value == null && !required) {
      return null;
    }
    if (!(value instanceof String given)) {
      throw invalid("error.invalidShape");
    }
    String text = PlainText.strip(given);
    int length = text.codePointCount(0, text.length());
    if (text.isBlank() || length > Note.MAX_TEXT || text.indexOf('\0') >= 0) {
      throw invalid("error.textLength");
    }
    if (!NoteText.hasVisible(text)) {
      throw invalid("error.textInvisible");
    }
    return text;
  }

  private static List<String> tags(JsonObject data, boolean defaultEmpty) {
    Object value = data.getValue("tags");
    if (value == null) {
      return defaultEmpty ? List.of() : null;
    }
    if (!(value instanceof JsonArray array) || array.size() > MAX_TAGS) {
      throw invalid("error.invalidShape");
    }
    List<String> tags = new ArrayList<>();
    for (Object tag : array) {
      if (!(tag instanceof String s) || s.isEmpty() || s.length() > MAX_ID) {
        throw invalid("error.invalidShape");
      }
      if (!tags.contains(s)) {
        tags.add(s);
      }
    }
    return List.copyOf(tags);
  }

  private static Integer version(JsonObject data) {
    Object value = data.getValue("version");
    if (value == null) {
      return null;
    }
    if (!(value instanceof Number n)
        || n.doubleValue() != Math.floor(n.doubleValue())
        || n.longValue() < 1
        || n.longValue() > Integer.MAX_VALUE) {
      throw invalid("error.invalidShape");
    }
    return n.intValue();
  }

  static String string(JsonObject json, String field, int maxLength) {
    if (!(json.getValue(field) instanceof String s) || s.isEmpty() || s.length() > maxLength) {
      throw invalid("error.invalidShape");
    }
    return s;
  }

  static UUID uuid(JsonObject json, String field) {
    UUID id = optionalUuid(json, field);
    if (id == null) {
      throw invalid("error.invalidShape");
    }
    return id;
  }

  static UUID optionalUuid(JsonObject json, String field) {
    Object value = json.getValue(field);
    if (value == null) {
      return null;
    }
    if (!(value instanceof String s) || s.length() != 36) {
      throw invalid("error.invalidShape");
    }
    try {
      return UUID.fromString(s);
    } catch (IllegalArgumentException e) {
      throw invalid("error.invalidShape");
    }
  }

  static Rejection invalid(String key) {
    return new Rejection(ErrorCode.INVALID, key);
  }
}
