import { h, syncList } from './dom.js';
import { label } from './i18n.js';
import { noteCard, noteSignature } from './notes.js';

/** Shapes that tell the dimensions apart without colour. */
const MARKS = ['●', '▲', '■', '◆', '⬟', '⬢'];
const EXTRA_MARK = '★';

export function dimensionMark(index) {
  return index < 0 ? EXTRA_MARK : MARKS[index % MARKS.length];
}

/**
 * The whole board as a grid: one row per phase, one column per dimension (each with its colour, shape and name),
 * and the extra lanes as columns spanning every row. Returns a function that draws the notes into their cells.
 */
export function buildGrid(container, grid, { cellTools, noteActions, showSent = false, renderLane } = {}) {
  const rows = grid.phases.length;
  container.replaceChildren();
  container.classList.add('grid');
  container.style.gridTemplateColumns =
    `minmax(7rem, 0.6fr) repeat(${grid.dimensions.length}, minmax(0, 1fr)) repeat(${grid.extras.length}, minmax(0, 1.1fr))`;
  container.style.gridTemplateRows = `auto repeat(${rows}, minmax(0, 1fr))`;
  const lists = new Map();

  const cell = (laneId, dimClass, column) => {
    const headingId = `cell-${laneId.replace(/[^a-z0-9]/gi, '-')}`;
    const list = h('ul', { class: 'cell-notes' });
    lists.set(laneId, list);
    const section = h('section', { class: `cell dim-${dimClass}`, 'aria-labelledby': headingId,
      dataset: { lane: laneId } },
    h('h3', { class: 'sr-only', id: headingId, text: grid.laneName(laneId) }),
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
    container.append(h('div', { class: 'row-head', 'aria-hidden': 'true', dataset: { phase: phase.key } },
      h('span', { class: 'row-number', text: `${row + 1}` }), ' ', label(phase)));
    grid.dimensions.forEach((dimension, i) => container.append(cell(`${phase.key}:${dimension.key}`, i)));
    if (row === 0) {
      grid.extras.forEach((extra, i) => container.append(cell(extra.key, 'extra', grid.dimensions.length + 2 + i)));
    }
  });

  return function draw(notes) {
    const byLane = new Map([...lists.keys()].map((lane) => [lane, []]));
    for (const note of notes.values()) byLane.get(note.lane)?.unshift(note);
    for (const [lane, list] of lists) {
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
