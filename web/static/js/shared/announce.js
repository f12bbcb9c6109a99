import { h } from './dom.js';
import { t } from './i18n.js';
import { shownToAll } from './notes.js';

/** At most one announcement of new notes in this time; notes that come meanwhile are told together. */
const PERIOD_MS = 3000;
/** Past this many lanes in one announcement, it says how many cells rather than naming each. */
const MOST_LANES = 3;

/**
 * A visually hidden polite live region, made once per page inside its main landmark. Screen readers say what is
 * written into it when they are idle, never interrupting.
 */
export function liveRegion(id) {
  let region = document.getElementById(id);
  if (!region) {
    region = h('p', { id, class: 'sr-only', 'aria-live': 'polite', 'aria-atomic': 'true' });
    (document.querySelector('main') || document.body).append(region);
  }
  return region;
}

/** Writes a message into a live region; the same message twice in a row is still said again. */
export function announce(region, message) {
  region.textContent = '';
  // a timeout, not an animation frame: frames stop in a tab in the background, and the news would wait
  setTimeout(() => { region.textContent = message; }, 50);
}

/**
 * Tells screen-reader users when other people's notes arrive, politely and in batches: the first new note starts a
 * wait of PERIOD_MS, everything that arrives meanwhile is counted per lane, and one sentence says it all ("2 nuove
 * note in Presa in carico, Criticità"), never more often than once per PERIOD_MS. The notes on the board when the
 * page opens, one's own notes, and notes this viewer is not shown (`counted`) are not news; a held note that a
 * moderator approves is, once it shows.
 */
export function announceNewNotes(live, grid, { region = liveRegion('note-news'), counted = shownToAll } = {}) {
  const seen = new Set();
  const waiting = new Map();
  let ready = false;
  let timer = null;

  const sentence = () => {
    const lanes = [...waiting.entries()];
    if (lanes.length > MOST_LANES) {
      const n = lanes.reduce((sum, [, count]) => sum + count, 0);
      return t('sr.newNotesCells', { n, cells: lanes.length });
    }
    return lanes.map(([lane, n]) => t('sr.newNotes', { n, lane: grid.spokenName(lane) })).join('; ');
  };

  const flush = () => {
    timer = null;
    if (!waiting.size) return;
    announce(region, sentence());
    waiting.clear();
  };

  live.addEventListener('change', () => {
    if (!live.board) return;
    for (const note of live.view().values()) {
      if (seen.has(note.id) || !counted(note)) continue;
      seen.add(note.id);
      if (!ready || note.mine || note.pending || note.deleting) continue;
      waiting.set(note.lane, (waiting.get(note.lane) || 0) + 1);
    }
    ready = true;
    // a batch is told PERIOD_MS after its first note, and the next batch starts only then: one sentence per period
    if (waiting.size && !timer) timer = setTimeout(flush, PERIOD_MS);
  });
}
