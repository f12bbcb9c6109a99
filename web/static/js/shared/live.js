import { store, uuid } from './dom.js';
import { applyAck, applyBoardEvent, loadBoard } from './boardstate.js';
import { pendingReaction } from './react.js';

const RETRY_CODES = new Set(['unavailable', 'rate_limited']);
const BACKOFF_BASE_MS = 500;
const BACKOFF_CAP_MS = 8000;
const WELCOME_WAIT_MS = 10000;
/** Close codes after which reconnecting is pointless: the participant was removed, or this link's key replaced. */
const ENDING_CODES = { 4003: 'removed', 4001: 'rotated' };

/** A stable id for this browser, so `undo` takes back this browser's own last op. */
function clientId() {
  let id = store.get('pb:clientId');
  if (!id) {
    id = uuid();
    store.set('pb:clientId', id);
  }
  return id;
}

/**
 * One board kept live over the WebSocket: hello (with `since` after the first welcome), events applied in seq
 * order, ops kept in an outbox in localStorage until their ack so nothing typed is lost, and reconnection with
 * exponential backoff and full jitter. Fires `status`, `change`, `presence`, `rejected` and `fatal` events.
 */
export class LiveBoard extends EventTarget {
  constructor({ boardId, token, lang, outboxKey }) {
    super();
    this.boardId = boardId;
    this.token = token;
    this.lang = lang;
    this.outboxKey = outboxKey;
    this.outbox = (outboxKey && store.get(outboxKey)) || [];
    this.notes = new Map();
    this.clusters = new Map();
    this.board = null;
    this.clockOffset = 0;
    this.seq = null;
    this.status = 'connecting';
    this.attempt = 0;
    this.welcomed = false;
    this.stopped = false;
  }

  start() {
    this.connect();
    window.addEventListener('online', () => this.reconnectNow());
    window.addEventListener('offline', () => this.ws?.close());
    return this;
  }

  stop() {
    this.stopped = true;
    clearTimeout(this.timer);
    this.ws?.close();
  }

  /** Queues an op; returns its opId. It is sent now if the socket is open, otherwise after the next welcome. */
  send(op, data) {
    const entry = { opId: uuid(), op, data };
    this.outbox.push(entry);
    this.saveOutbox();
    if (this.welcomed) this.ws.send(JSON.stringify({ type: 'op', ...entry }));
    this.changed();
    return entry.opId;
  }

  /** The notes as this client should show them: the server's, with the ops still waiting applied on top. */
  view() {
    const out = new Map();
    for (const [id, note] of this.notes) out.set(id, { ...note, pending: false });
    for (const { op, data, ackedSeq } of this.outbox) {
      let note = out.get(data.noteId);
      if (op === 'note.add' && !note) {
        note = { id: data.noteId, lane: data.lane, tags: data.tags || [], text: data.text, mine: true,
          byModerator: this.role !== 'participant' };
        out.set(data.noteId, note);
      }
      if (!note) continue;
      if (op === 'note.react') {
        pendingReaction(note, data);
        continue;
      }
      note.pending = !ackedSeq; // acked: stored, its event on the way

      if (op === 'note.edit') {
        if (data.text != null) note.text = data.text;
        if (data.tags) note.tags = data.tags;
      } else if (op === 'note.move') note.lane = data.lane;
      else if (op === 'note.delete') note.deleting = true;
    }
    return out;
  }

  connect() {
    clearTimeout(this.timer);
    if (this.stopped) return;
    this.setStatus(this.attempt === 0 ? 'connecting' : 'offline');
    const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
    const ws = new WebSocket(`${scheme}//${location.host}/ws`);
    this.ws = ws;
    ws.onopen = () => {
      const hello = { type: 'hello', boardId: this.boardId, token: this.token, lang: this.lang, clientId: clientId() };
      if (this.seq != null) hello.since = this.seq;
      ws.send(JSON.stringify(hello));
      // a half-open socket on flaky Wi-Fi may never answer: give up on it and try again
      setTimeout(() => { if (this.ws === ws && !this.welcomed) ws.close(); }, WELCOME_WAIT_MS);
    };
    ws.onmessage = (message) => {
      if (this.ws === ws) this.onFrame(JSON.parse(message.data));
    };
    ws.onclose = (closed) => {
      if (this.ws !== ws) return;
      this.ws = null;
      this.welcomed = false;
      const ending = ENDING_CODES[closed.code];
      if (ending && !this.fatal) {
        this.fatal = true;
        this.emit('fatal', { code: ending });
      }
      if (this.fatal) this.setStatus('failed');
      else this.scheduleReconnect();
    };
  }

  reconnectNow() {
    if (this.ws || this.stopped || this.fatal) return;
    this.attempt = 0;
    this.connect();
  }

  scheduleReconnect() {
    if (this.stopped) return;
    const ceiling = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** this.attempt);
    this.attempt += 1;
    this.setStatus('offline');
    this.timer = setTimeout(() => this.connect(), Math.random() * ceiling);
  }

  onFrame(frame) {
    switch (frame.type) {
      case 'welcome': return this.onWelcome(frame);
      case 'event': return this.onEvent(frame);
      case 'ack': return this.settle(frame.opId, null, frame.seq);
      case 'error': return this.onError(frame);
      case 'presence': return this.emit('presence', frame);
      default: return undefined;
    }
  }

  onWelcome(frame) {
    this.welcomed = true;
    this.attempt = 0;
    this.role = frame.role;
    this.participantId = frame.participantId;
    if (frame.board) loadBoard(this, frame.board);
    this.dropLanded();
    this.setStatus('online');
    if (this.phase) this.ws.send(JSON.stringify({ type: 'presence', phase: this.phase }));
    for (const entry of this.outbox) {
      if (!entry.ackedSeq) this.ws.send(JSON.stringify({ type: 'op', ...entry }));
    }
    this.changed();
  }

  onEvent(frame) {
    if (this.seq != null && frame.seq <= this.seq) return;
    if (this.seq != null && frame.seq !== this.seq + 1) {
      this.ws?.close();
      return;
    }
    this.seq = frame.seq;
    if (applyBoardEvent(this, frame) === 'refresh') this.refresh();
    this.dropLanded();
    this.changed(frame);
  }

  /** Tells the moderators which phase this phone is looking at; sent again after every reconnection. */
  presence(phase) {
    this.phase = phase;
    if (this.welcomed) this.ws.send(JSON.stringify({ type: 'presence', phase }));
  }

  /**
   * Loads the board again over HTTP (after a reveal, or when an op met a stale version). The answer replaces
   * what this client holds only if it is at least as new, so later events are never undone.
   */
  async refresh() {
    try {
      const response = await fetch(`/api/boards/${this.boardId}`, {
        headers: { Authorization: `Bearer ${this.token}`, 'Accept-Language': this.lang },
      });
      if (!response.ok) return;
      const board = await response.json();
      if (this.seq == null || board.seq >= this.seq) {
        loadBoard(this, board);
        this.changed();
      } else if (this.board && board.participants) {
        // Events overtook the answer: its notes are older than ours, but a participant who joined and posted at
        // once is in it and nowhere else (joining sends no event), so take the people it adds.
        const known = new Set((this.board.participants || []).map((p) => p.id));
        const added = board.participants.filter((p) => !known.has(p.id));
        if (added.length) {
          this.board.participants = [...(this.board.participants || []), ...added];
          this.changed();
        }
      }
    } catch {
      // offline: the next welcome brings the board anyway
    }
  }

  onError(frame) {
    if (frame.opId) {
      this.settle(frame.opId, frame);
    } else if (!this.welcomed && (frame.code === 'unauthorized' || frame.code === 'not_found')) {
      this.fatal = true;
      this.emit('fatal', frame);
    } else {
      this.emit('problem', frame);
    }
  }

  /**
   * An ack can arrive before the event it caused: the op stays in the outbox, marked as acked (and no longer
   * saved or resent), until the board has caught up with its seq, so the page never shows the old state between.
   */
  settle(opId, error, ackSeq) {
    const index = this.outbox.findIndex((entry) => entry.opId === opId);
    if (index < 0) return;
    if (!error && ackSeq != null && this.seq != null && ackSeq > this.seq) {
      this.outbox[index].ackedSeq = ackSeq;
      this.saveOutbox();
      applyAck(this, this.outbox[index]);
      this.changed();
      return;
    }
    if (error && RETRY_CODES.has(error.code)) {
      this.retryTimer = this.retryTimer || setTimeout(() => { this.retryTimer = null; this.ws?.close(); }, 3000);
      return;
    }
    const [entry] = this.outbox.splice(index, 1);
    this.saveOutbox();
    if (error) this.emit('rejected', { entry, error });
    else applyAck(this, entry);
    this.changed();
  }

  dropLanded() {
    if (this.seq == null || !this.outbox.some((entry) => entry.ackedSeq)) return;
    this.outbox = this.outbox.filter((entry) => !entry.ackedSeq || entry.ackedSeq > this.seq);
  }

  saveOutbox() {
    const unacked = this.outbox.filter((entry) => !entry.ackedSeq);
    if (this.outboxKey) store.set(this.outboxKey, unacked.length ? unacked : null);
  }

  setStatus(status) {
    if (this.status === status) return;
    this.status = status;
    this.emit('status', status);
  }

  changed(frame) {
    this.emit('change', frame || null);
  }

  emit(type, detail) {
    this.dispatchEvent(new CustomEvent(type, { detail }));
  }
}
