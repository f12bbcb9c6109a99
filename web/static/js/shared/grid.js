import { h, syncList } from './dom.js';
import { label, t } from './i18n.js';
import { noteCard, noteSignature, shownToAll } from './notes.js';

/** Shapes that tell the dimensions apart without colour. */
const MARKS = ['●', '▲', '■', '◆', '⬟', '⬢'];
const EXTRA_MARK = '★';

export function dimensionMark(index) {
  return index < 0 ? EXTRA_MARK : MARKS[index % MARKS.length];
}

/** A cell's list as a screen reader names it: "Presa in carico, Criticità: 3 note". */
export function cellListName(grid, lane, n) {
  return t('sr.cellCount', { lane: grid.spokenName(lane), n });
}

/**
 * The whole board as a grid: one row per phase, one column per dimension (each with its colour, shape and name),
 * and the extra lanes as columns spanning every row. Returns a function that draws the notes into their cells.
 * For screen readers the grid is an outline, in reading order: each phase a heading (level 3) with its cells as
 * sub-headings (level 4), then the extra lanes as headings of their own; each cell's list is named with its lane
 * and how many notes it holds (those `counted`: by default what the room sees, so not hidden notes).
 */
export function buildGrid(container, grid, { cellTools, noteActions, showSent = false, renderLane,
  counted = shownToAll } = {}) {
  const rows = grid.phases.length;
  container.replaceChildren();
  container.classList.add('grid');
  container.style.gridTemplateColumns =
    `minmax(7rem, 0.6fr) repeat(${grid.dimensions.length}, minmax(0, 1fr)) repeat(${grid.extras.length}, minmax(0, 1.1fr))`;
  container.style.gridTemplateRows = `auto repeat(${rows}, minmax(0, 1fr))`;
  const lists = new Map();

  const cell = (laneId, dimClass, column) => {
    const headingId = `cell-${laneId.replace(/[^a-z0-9]/gi, '-')}`;
    const list = h('ul', { class: 'cell-notes', 'aria-label': cellListName(grid, laneId, 0) });
    lists.set(laneId, list);
    const section = h('section', { class: `cell dim-${dimClass}`, 'aria-labelledby': headingId,
      dataset: { lane: laneId } },
    h(column ? 'h3' : 'h4', { class: 'sr-only cell-heading', id: headingId, text: grid.spokenName(laneId) }),
    cellTools ? cellTools(laneId) : null,
    list);
    if (column) {
      section.style.gridColumn = String(column);
      section.style.gridRow = `2 / span ${rows}`;
    }
    return section;
  };

  container.append(h('div', { class: 'corner', 'aria-hidden': 'true' }));
  grid.dimensions.forEach((dimension, i) => container.append(
    h('div', { class: `col-head dim-${i}`, 'aria-hidden': 'true' },
      h('span', { class: 'mark', text: dimensionMark(i) }), ' ', label(dimension))));
  grid.extras.forEach((extra) => container.append(
    h('div', { class: 'col-head dim-extra', 'aria-hidden': 'true' },
      h('span', { class: 'mark', text: EXTRA_MARK }), ' ', label(extra))));
  grid.phases.forEach((phase, row) => {
    container.append(h('div', { class: 'row-head', role: 'heading', 'aria-level': '3', dataset: { phase: phase.key } },
      h('span', { class: 'row-number', 'aria-hidden': 'true', text: `${row + 1}` }), ' ',
      h('span', { class: 'row-name', text: label(phase) })));
    grid.dimensions.forEach((dimension, i) => container.append(cell(`${phase.key}:${dimension.key}`, i)));
  });
  // placed by their grid column and rows, so in the DOM (the reading order) they come after every phase
  grid.extras.forEach((extra, i) => container.append(cell(extra.key, 'extra', grid.dimensions.length + 2 + i)));

  return function draw(notes) {
    const byLane = new Map([...lists.keys()].map((lane) => [lane, []]));
    for (const note of notes.values()) byLane.get(note.lane)?.unshift(note);
    for (const [lane, list] of lists) {
      const name = cellListName(grid, lane, byLane.get(lane).filter(counted).length);
      if (list.getAttribute('aria-label') !== name) list.setAttribute('aria-label', name);
      if (renderLane) {
        renderLane(list, lane, byLane.get(lane));
        continue;
      }
      syncList(list, byLane.get(lane), (note) => note.id, (note) => noteSignature(note),
        (note) => noteCard(note, grid, { showSent, actions: noteActions ? noteActions(note) : [] }));
    }
  };
}

/** Gives the phase in focus a larger row, and marks it in words for screen readers. */
export function showFocus(container, grid, focus) {
  const weights = grid.phases.map((phase) => (phase.key === focus ? '2fr' : 'minmax(0, 1fr)'));
  container.style.gridTemplateRows = `auto ${weights.join(' ')}`;
  for (const head of container.querySelectorAll('.row-head')) {
    head.classList.toggle('is-focus', head.dataset.phase === focus);
  }
}
