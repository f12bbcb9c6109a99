import { $, h } from '../shared/dom.js';
import { label, t } from '../shared/i18n.js';

/** Whether a participant may add a note in this lane now: the stage, late notes and the focused phase decide. */
export function mayPost(board, grid, lane) {
  return closedReason(board, grid, lane) === null;
}

/** Why this lane (or a phase's lanes, given its key) takes no notes now, in words; null when it does. */
export function closedReason(board, grid, lane) {
  if (!board) return null;
  const { stage, settings = {}, focus } = board;
  if (stage === 'closed') return t('part.stage.closed');
  if (stage !== 'collecting' && !settings.lateNotes) return t(`part.stage.${stage}`);
  if (!focus || grid.extras.some((extra) => extra.key === lane)) return null;
  if (lane === focus || lane.startsWith(`${focus}:`)) return null;
  const phaseKey = lane.split(':')[0];
  return t('part.phaseClosed', { phase: label(grid.phases.find((p) => p.key === phaseKey)),
    focus: label(grid.phases.find((p) => p.key === focus)) });
}

/**
 * Shows a message in a live region (role=alert) and brings it into view; the send bar holds the composer's
 * messages, so the sticky button never covers them. An empty message clears the region.
 */
export function say(element, message) {
  if (element.textContent === message && message) element.textContent = '';
  element.textContent = message || '';
  if (message) requestAnimationFrame(() => bringIntoView(element));
}

const STICKY = '.topbar, .send-bar, .vote-bar, .vote-call';

/** Scrolls an element into view, then clear of the sticky header and bars that would still cover it. */
export function bringIntoView(element) {
  element.scrollIntoView({ block: 'nearest' });
  const box = element.getBoundingClientRect();
  for (const bar of document.querySelectorAll(STICKY)) {
    if (bar.contains(element) || !bar.getClientRects().length) continue;
    const cover = bar.getBoundingClientRect();
    if (box.bottom <= cover.top || box.top >= cover.bottom) continue;
    const below = cover.top > window.innerHeight / 2;
    window.scrollBy(0, below ? box.bottom - cover.top + 8 : box.top - cover.bottom - 8);
    return;
  }
}

/** The line that tells participants what is happening: stage, focus and whether notes are hidden until the reveal. */
export function stageMessage(board, grid) {
  if (!board) return '';
  const { stage, settings = {}, focus } = board;
  if (stage === 'closed') return t('part.stage.closed');
  if (stage !== 'collecting' && !settings.lateNotes) return t(`part.stage.${stage}`);
  const parts = [];
  if (focus) {
    const phase = grid.phases.find((p) => p.key === focus);
    parts.push(t('part.focus', { phase: label(phase) }));
  }
  if (settings.hideNotes && !settings.revealed) parts.push(t('part.hiddenUntilReveal'));
  return parts.join(' ');
}

/**
 * Calls `jump(phase)` when the moderator focuses a phase (and once on arrival if one is focused), so every phone
 * moves to the phase being discussed; announces the move in words.
 */
export function followFocus(live, jump) {
  let seen;
  live.addEventListener('change', () => {
    const focus = live.board?.focus ?? null;
    if (focus === seen || live.board == null) return;
    seen = focus;
    if (focus) jump(focus);
  });
}

/** The other participants' notes still hidden until the reveal, counted per lane for the current phase. */
export function secretCounts(notes, grid, phaseKey) {
  const counts = new Map();
  for (const note of notes) {
    if (!note.secret || note.mine) continue;
    counts.set(note.lane, (counts.get(note.lane) || 0) + 1);
  }
  const lanes = [...grid.lanes.values()].filter((lane) => (lane.phase ? lane.phase.key === phaseKey : lane.id === phaseKey));
  const items = lanes.filter((lane) => counts.get(lane.id))
    .map((lane) => h('li', { text: t('part.secretCount', { n: counts.get(lane.id), lane: lane.name }) }));
  return { total: [...counts.values()].reduce((a, b) => a + b, 0), items };
}

/** The end of the session for this phone: removed by the moderator. The socket is not reopened. */
export function showRemoved() {
  $('#board-view').hidden = true;
  $('#join-view').hidden = true;
  $('#removed-view').hidden = false;
  $('#removed-view h1').focus();
}
