import { $, h } from '../shared/dom.js';
import { label, lang, state, t } from '../shared/i18n.js';
import { LiveBoard } from '../shared/live.js';
import { gridOf } from '../shared/template.js';
import { buildGrid, showFocus } from '../shared/grid.js';
import { showStatus } from '../shared/status.js';
import { showTimer } from '../shared/timer.js';
import { projectorLane } from '../proj/lanes.js';
import { fitOrSummarise } from '../proj/fit.js';
import { proposalsView } from '../proj/proposals.js';

/**
 * The plenary: every group's board side by side on one screen, live, for the closing discussion. Each board is
 * fitted to its share of the screen: its notes at the largest size that fits (never under 11px), or, where they
 * cannot fit, whole phases as counts in slim rows (proj/fit.js); the phase in focus is the last to be counted. A board with clusters shows them, by name and
 * count, in their cells. One group can be shown large (its button, or keys 1–9; Esc for all again).
 * The organiser's key opens every board of the workshop, so there is one socket per board.
 */
const HEAD = 'minmax(min-content, 0.45fr)';
const boards = [];

for (const board of state.boards) {
  const section = document.querySelector(`[data-board-id="${board.id}"]`);
  const live = new LiveBoard({ boardId: board.id, token: state.organiserKey, lang });
  const container = section.querySelector('.plenary-grid');
  const entry = { section, container, live, refit: () => {} };
  boards.push(entry);
  let draw = null;
  let grid = null;
  let frame = 0;
  entry.refit = () => {
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(() => {
      if (!draw || section.offsetParent === null) return;
      fitOrSummarise(container, { min: 11, max: 32, head: HEAD, first: live.board?.focus });
    });
  };
  // a short word on the button (the head stays one row); its name says which group
  const button = h('button', { type: 'button', class: 'plenary-large', 'aria-pressed': 'false',
    'aria-label': t('plenary.showLarge', { name: board.name }), text: t('plenary.large'),
    onclick: () => showLarge(entry) });
  section.querySelector('.plenary-head').append(button);
  entry.button = button;
  entry.name = board.name;
  showStatus(live, section.querySelector('.conn'));
  showTimer(live, section.querySelector('.timer'));
  live.addEventListener('change', () => {
    if (!live.board) return;
    if (!draw) {
      grid = gridOf(live.board.template);
      draw = buildGrid(container, grid, { renderLane: projectorLane({ grid, live, clustered: 'any' }) });
      uniqueCellNames(container, board);
      if (!$('#tag-legend').childElementCount) {
        $('#tag-legend').replaceChildren(...grid.tags.map((tag) => h('span', { class: `tag tag-${tag.key}`, text: label(tag) })));
      }
    }
    section.querySelector('.stage').textContent = t(`stage.${live.board.stage}`);
    showFocus(container, grid, live.board.focus);
    draw(live.view());
    entry.refit();
    proposals.changed();
  });
  live.start();
}

const proposals = proposalsView(boards, { onMode: () => boards.forEach((b) => b.refit()) });

/**
 * Every board has the same lanes: each cell is named with its group too (and its heading gets an id of its own), so
 * the boards' regions do not share names and ids.
 */
function uniqueCellNames(container, board) {
  for (const cell of container.querySelectorAll('.cell')) {
    const heading = cell.querySelector('.cell-heading');
    heading.id = `b${board.id}-${heading.id}`;
    heading.textContent = `${board.name}: ${heading.textContent}`;
    cell.setAttribute('aria-labelledby', heading.id);
  }
}

/** One group large, or (with the same button, Esc, or null) every group again. */
function showLarge(entry) {
  const large = entry && !entry.section.classList.contains('is-large') ? entry : null;
  document.body.classList.toggle('has-large', Boolean(large));
  for (const b of boards) {
    const on = b === large;
    b.section.classList.toggle('is-large', on);
    b.button.setAttribute('aria-pressed', String(on));
    b.button.textContent = on ? t('plenary.back') : t('plenary.large');
    if (on) b.button.removeAttribute('aria-label');
    else b.button.setAttribute('aria-label', t('plenary.showLarge', { name: b.name }));
  }
  boards.forEach((b) => b.refit());
  (large || entry)?.button.focus();
}

$('#fullscreen').addEventListener('click', toggle);
document.addEventListener('keydown', (event) => {
  if (event.ctrlKey || event.metaKey || event.altKey || event.target.closest('input, textarea, select')) return;
  const digit = /^Digit([1-9])$/.exec(event.code)?.[1] || /^Numpad([1-9])$/.exec(event.code)?.[1];
  if (event.key.toLowerCase() === 'f') toggle();
  else if (event.key === 'Escape' && document.body.classList.contains('has-large')) {
    const current = boards.find((b) => b.section.classList.contains('is-large'));
    showLarge(current);
  } else if (digit && boards[Number(digit) - 1]) {
    const chosen = boards[Number(digit) - 1];
    if (!chosen.section.classList.contains('is-large')) showLarge(chosen);
  }
});
let resizing;
window.addEventListener('resize', () => {
  clearTimeout(resizing);
  resizing = setTimeout(() => boards.forEach((b) => b.refit()), 150);
});

function toggle() {
  if (document.fullscreenElement) document.exitFullscreen();
  else document.documentElement.requestFullscreen?.().catch(() => {});
}
