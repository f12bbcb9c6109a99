import { h, syncList } from './dom.js';
import { t } from './i18n.js';

/**
 * "Me too" on every page that shows notes: participants agree with each other's notes (`note.react`), the room
 * sees how many agree (`note.reacted` carries the count, never who). The server leaves counts out where a viewer may
 * not see them; this module keeps what a client holds in step when the board's settings change.
 */

const runs = (role) => role === 'moderator' || role === 'organiser';

/** Whether the room (phones and projector) is shown counts now: reactions on, and no reveal still to come. */
export function roomSeesCounts(settings) {
  return settings?.reactions !== false && !(settings?.hideNotes && !settings?.revealed);
}

/** Whether a participant may agree with notes in this stage (the server says the same, and has the last word). */
export function mayReactNow(board) {
  if (!board || board.settings?.reactions === false) return false;
  if (board.stage === 'collecting' || board.stage === 'clustering') return true;
  return board.stage === 'voting' && board.settings?.reactInVoting === true;
}

/** `note.reacted`: the note's new count, or none when this viewer is not told it. */
export function applyReacted(live, data) {
  const note = live.notes.get(data.noteId);
  if (!note) return;
  if (typeof data.count === 'number') note.reactions = data.count;
  else delete note.reactions;
}

/**
 * `board.settings` changed what the room sees: counts turned off leave the phones and the projector at once; counts
 * turned on again (or notes no longer hidden) are fetched with the board ('refresh').
 */
export function settingsChanged(live, before, after) {
  if (runs(live.role)) return null;
  const was = roomSeesCounts(before);
  const now = roomSeesCounts(after);
  if (was && !now) {
    for (const note of live.notes.values()) delete note.reactions;
  }
  return !was && now ? 'refresh' : null;
}

/**
 * An op still in the outbox: the toggle shows its new state at once; the count follows with `note.reacted` (it is
 * never guessed here, since the event may come before or after the ack).
 */
export function pendingReaction(note, data) {
  note.reacted = data.on;
}

/** An acknowledged `note.react`: this participant's own agreement, as the server now holds it. */
export function applyReactAck(live, data) {
  const note = live.notes.get(data.noteId);
  if (note) note.reacted = data.on;
}

/** The count in words for a badge or a label: "Me too: 3". */
export function countText(n) {
  return t(n === 1 ? 'react.count.one' : 'react.count', { n });
}

/** A small, unobtrusive count on a note card (moderator, projector): none when zero or not shown to this viewer. */
export function agreementBadge(note) {
  if (typeof note.reactions !== 'number' || note.reactions < 1) return null;
  return h('span', { class: 'badge badge-agree', dataset: { reactions: String(note.reactions) } },
    h('span', { class: 'agree-word', text: t('react.toggle') }), ' ',
    h('span', { class: 'agree-n', text: String(note.reactions) }));
}

/**
 * The phone's "Me too" toggle for a note someone else wrote (aria-pressed, a 44 px target, the count beside the word);
 * one's own note shows its count only, and so does a note when agreeing is closed. Null when there is nothing to show.
 */
export function meToo(live, note) {
  const board = live.board;
  if (board?.settings?.reactions === false || note.secret || note.hidden || note.held || note.text == null) return null;
  const n = typeof note.reactions === 'number' ? note.reactions : null;
  if (note.mine || !mayReactNow(board)) {
    return n ? h('p', { class: 'me-too-count', text: countText(n) }) : null;
  }
  const pressed = Boolean(note.reacted);
  return h('button', { type: 'button', class: `me-too${pressed ? ' is-on' : ''}`, 'aria-pressed': String(pressed),
    'aria-label': n == null ? t('react.toggle') : t('react.label', { n }),
    onclick: () => live.send('note.react', { noteId: note.id, on: !pressed }) },
  h('span', { class: 'me-too-mark', 'aria-hidden': 'true', text: pressed ? '✓' : '+' }),
  h('span', { class: 'me-too-word', text: t('react.toggle') }),
  // the space makes the visible words "Me too 3", found in the name "Me too (3 agree)" (label-content-name-mismatch)
  n == null ? null : [' ', h('span', { class: 'me-too-n', text: String(n) })]);
}

/**
 * A cluster's agreement: the sum over its notes and how many different people agreed with any of them (that number
 * comes with the board only, so `people: false` leaves it out where the board is not fetched again, as on screens).
 */
export function clusterAgreement(cluster, notes, { people: withPeople = true } = {}) {
  const sum = notes.reduce((s, note) => s + (typeof note.reactions === 'number' ? note.reactions : 0), 0);
  if (!sum) return null;
  const people = withPeople && typeof cluster.reactors === 'number' ? cluster.reactors : null;
  return h('span', { class: 'cluster-agree', text: people == null ? countText(sum)
    : t('react.cluster', { n: sum, people }) });
}

/** Notes by agreement, most agreed first; ties keep their order. */
export function byAgreement(notes) {
  const count = (note) => (typeof note.reactions === 'number' ? note.reactions : 0);
  return notes.map((note, i) => ({ note, i })).sort((a, b) => count(b.note) - count(a.note) || a.i - b.i)
    .map(({ note }) => note);
}

/**
 * Clusters' distinct agreeing people come only with the board: a moderator page fetches it again, at most every
 * couple of seconds, after agreement or clustering changed a board that has clusters.
 */
export function keepClusterAgreementFresh(live, delay = 2000) {
  let timer = null;
  live.addEventListener('change', ({ detail }) => {
    const event = detail?.event;
    if (!event || !live.clusters.size || timer) return;
    if (event === 'note.reacted' || event.startsWith('cluster.') || event === 'note.moved' || event === 'note.deleted') {
      timer = setTimeout(() => { timer = null; live.refresh(); }, delay);
    }
  });
}

/**
 * The phone's box for the note on the big screen, with its "Me too" toggle: shown while the moderator spotlights a
 * note the participant can read, placed before `before`.
 */
export function paintPhoneSpotlight(live, before, card) {
  let box = document.getElementById('phone-spot');
  if (!box) {
    box = h('section', { id: 'phone-spot', class: 'phone-spot', 'aria-labelledby': 'phone-spot-heading', hidden: true },
      h('h2', { id: 'phone-spot-heading', text: t('react.onScreen') }),
      h('ul', { class: 'lane-notes spot-notes' }));
    before.before(box);
  }
  const id = live.board?.settings?.spotlight;
  const note = id && live.view().get(id);
  const shown = note && !note.hidden && !note.secret && note.text != null && live.board?.stage !== 'closed' ? note : null;
  box.hidden = !shown;
  // the card is replaced in place when its count or the board's stage changes, keeping the keyboard focus
  const board = `${mayReactNow(live.board)}|${live.board?.settings?.reactions}`;
  syncList(box.querySelector('ul'), shown ? [shown] : [], (note) => note.id,
    (note) => JSON.stringify([note.text, note.tags, note.mine, note.reactions, note.reacted, board]), card);
}
