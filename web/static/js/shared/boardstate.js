import { applyCastAck, applyVoteEvent } from '../vote/rounds.js';
import { applyReactAck, applyReacted, settingsChanged } from './react.js';
import { applyActionEvent } from '../action/plan.js';
import { applyAgendaEvent } from './agenda.js';

/**
 * What a client knows of a board, kept from the snapshot and the events: notes, clusters, stage, focus, timer,
 * settings and (for those who run the board) the participants. Every event carries the full new state of what it
 * touched, so applying it is an upsert; an undo's inverse event has the same shape.
 */
export function loadBoard(live, board) {
  live.board = board;
  live.seq = board.seq;
  live.notes = new Map(board.notes.map((note) => [note.id, note]));
  live.clusters = new Map((board.clusters || []).map((cluster) => [cluster.id, cluster]));
  live.clockOffset = offsetOf(board.timer);
}

/** Applies one event; returns 'refresh' when the client should load the whole board again. */
export function applyBoardEvent(live, frame) {
  const { data } = frame;
  const board = live.board || {};
  if (frame.event?.startsWith('vote.')) {
    applyVoteEvent(board, frame.event, data);
    return null;
  }
  if (frame.event?.startsWith('action.')) {
    applyActionEvent(board, frame.event, data);
    return null;
  }
  switch (frame.event) {
    case 'note.deleted':
      live.notes.delete(data.noteId);
      for (const cluster of live.clusters.values()) {
        cluster.noteIds = (cluster.noteIds || []).filter((id) => id !== data.noteId);
      }
      return null;
    case 'board.staged': board.stage = data.stage; return null;
    case 'board.focused': board.focus = data.focus; return null;
    case 'board.timer':
      board.timer = data.timer;
      live.clockOffset = offsetOf(data.timer);
      return null;
    case 'board.settings': {
      const before = board.settings;
      board.settings = data.settings;
      return settingsChanged(live, before, data.settings);
    }
    case 'note.reacted': applyReacted(live, data); return null;
    case 'board.agendaSet': case 'board.stepped': applyAgendaEvent(board, frame.event, data, frame.at); return null;
    case 'board.revealed': board.settings = data.settings; return 'refresh';
    case 'board.keysRotated': if (data.joinCode) board.joinCode = data.joinCode; return null;
    case 'participant.removed':
      for (const person of board.participants || []) {
        if (person.id === data.participantId) person.removed = true;
      }
      // their agreements left with them: the counts come with the board
      return [...live.notes.values()].some((note) => note.reactions) ? 'refresh' : null;
    default:
      break;
  }
  for (const cluster of data?.clusters || []) live.clusters.set(cluster.id, cluster);
  for (const id of data?.removedClusterIds || []) live.clusters.delete(id);
  for (const note of data?.notes || []) live.notes.set(note.id, note);
  if (data?.note) live.notes.set(data.note.id, data.note);
  return null;
}

/** Applies what an acknowledged op settled for this client alone: a cast becomes part of its own ballot. */
export function applyAck(live, entry) {
  if (entry.op === 'vote.cast') applyCastAck(live.board, entry.data);
  else if (entry.op === 'note.react') applyReactAck(live, entry.data);
}

/** How far this clock is behind the server's: added to Date.now() it gives the server's now. */
function offsetOf(timer) {
  if (!timer?.serverNow) return 0;
  return Date.parse(timer.serverNow) - Date.now();
}
