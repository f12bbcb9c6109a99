import { $, h } from '../shared/dom.js';
import { label, t } from '../shared/i18n.js';

/**
 * One key to show a part of the board large on the projector, through the board's `spotlight` setting:
 * Shift+1…9 a phase (`phase:<key>`), L the lane of the cell the keyboard focus is in (`lane:<id>`); S (the
 * moderator page's own key) a selected note or cluster, X clears. Pressing the key of what is already large
 * clears it, so the same key shows and hides. Ignored while typing or in a dialog.
 */
export function bindProjectorKeys(live, grid, say = () => {}) {
  const send = (spotlight, message) => {
    const now = live.board?.settings?.spotlight ?? null;
    const next = now === spotlight ? null : spotlight;
    live.send('board.settings', { spotlight: next });
    say(next ? message : t('projkeys.cleared'));
  };

  document.addEventListener('keydown', (event) => {
    if (event.target.closest?.('input, textarea, select, dialog, [contenteditable]')) return;
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const digit = /^Digit([1-9])$/.exec(event.code)?.[1];
    if (digit && event.shiftKey) {
      const phase = grid.phases[Number(digit) - 1];
      if (!phase) return;
      event.preventDefault();
      send(`phase:${phase.key}`, t('projkeys.phase', { name: label(phase) }));
    } else if (!event.shiftKey && event.key.toLowerCase() === 'l') {
      const lane = document.activeElement?.closest?.('[data-lane]')?.dataset.lane;
      event.preventDefault();
      if (!lane) {
        say(t('projkeys.nothing'));
        return;
      }
      send(`lane:${lane}`, t('projkeys.lane', { name: grid.laneName(lane) }));
    }
  });

  const clear = $('#spotlight-clear');
  clear?.parentElement?.insertBefore(h('p', { class: 'hint projector-keys', text: t('projkeys.help') }), clear);
}

/** The spotlight in words, for the moderator's controls: a phase, a lane, a cluster's name or a note's text. */
export function describeSpotlight(live, grid, id) {
  if (!id) return '';
  if (id.startsWith('phase:')) return label(grid.phases.find((p) => p.key === id.slice(6))) || id;
  if (id.startsWith('lane:')) return grid.laneName(id.slice(5));
  return live.clusters.get(id)?.name ?? live.notes.get(id)?.text ?? '…';
}
