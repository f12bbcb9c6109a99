import { cellsOf, fitGrid, gridFits, largestFit, showLayout, weightOf } from './fit.js';

/**
 * Fits a board that may not page (the plenary): all notes if they fit at `min`. Otherwise whole phases (rows) and
 * whole spanning lanes are shown as counts, so a row is either read or counted (never a few notes among counts):
 * the units whose notes are shortest open first, as long as the board still fits at `min`, in two orders (the
 * spanning lanes first, or by length only); the one showing more notes wins. A counted row takes only the height of
 * its counts, the open rows share the rest, and the text grows as far as it can. The phase in focus (`first`) opens
 * first and is then shown larger than the rest (growFocus). Returns the board's size in px.
 */
export function fitOrSummarise(container, { min = 14, max = 32, head, first = null } = {}) {
  const cells = cellsOf(container);
  for (const c of cells) c.cell.style.removeProperty('--note-size');
  delete container.dataset.focusFit;
  showLayout(cells);
  const size = fitGrid(container, cells, { min, max, head });
  container.dataset.summarised = String(size == null);
  container.dataset.fit = size == null ? 'overflow' : String(size);
  const units = new Map();
  for (const c of cells.filter((x) => x.items.length)) {
    const key = c.cell.style.gridColumn ? `lane:${c.lane}` : `row:${c.lane.split(':')[0]}`;
    if (!units.has(key)) units.set(key, { key, spans: key.startsWith('lane:'), cells: [] });
    units.get(key).cells.push(c);
  }
  if (size != null) return growFocus(container, cells, { units, first, size, min, max, head, open: new Set(cells) });
  const perNote = (u) => u.cells.reduce((s, c) => s + textOf(c), 0) / u.cells.reduce((s, c) => s + c.items.length, 0);
  // the phase in focus opens first: it is shown larger than the others, never counted while they are read
  const focusFirst = (list) => [...list.filter((u) => u.key === `row:${first}`), ...list.filter((u) => u.key !== `row:${first}`)];
  const byLength = focusFirst([...units.values()].sort((a, b) => perNote(a) - perNote(b)));
  const spansFirst = focusFirst([...byLength.filter((u) => u.spans), ...byLength.filter((u) => !u.spans)]);
  let best = null;
  for (const order of [spansFirst, byLength]) {
    const open = new Set();
    const layout = (c) => (open.has(c) || !c.items.length ? null : 'summary');
    for (const unit of order) {
      unit.cells.forEach((c) => open.add(c));
      showLayout(cells, layout);
      if (fitGrid(container, cells, { min, max: min, head }) == null) unit.cells.forEach((c) => open.delete(c));
    }
    const shown = [...open].reduce((s, c) => s + c.items.length, 0);
    if (!best || shown > best.shown) best = { shown, open };
  }
  const fitted = fitOpen(container, cells, best.open, { min, max, head });
  return fitted == null ? null : growFocus(container, cells, { units, first, size: fitted, min, max, head, open: best.open });
}

/** Shows the open cells' notes and counts the others, fitted to [min, max]; counted rows keep only their height. */
function fitOpen(container, cells, open, { min, max, head }) {
  showLayout(cells, (c) => (open.has(c) || !c.items.length ? null : 'summary'));
  const fitted = fitGrid(container, cells, { min, max, head });
  container.dataset.fit = fitted == null ? 'overflow' : String(fitted);
  // a counted (or empty) phase keeps the height of its counts and head; the rows that are read share the rest
  const phases = [...container.querySelectorAll('.row-head')].map((h) => h.dataset.phase);
  const counted = phases.map((phase) => cells.filter((c) => c.lane.startsWith(`${phase}:`))
    .every((c) => c.cell.classList.contains('is-summary') || !c.items.length));
  if (fitted != null && counted.some(Boolean) && !counted.every(Boolean)) {
    const heights = getComputedStyle(container).gridTemplateRows.split(' ').slice(1).map((v) => parseFloat(v) || 1);
    container.style.gridTemplateRows = `auto ${heights.map((px, i) => (counted[i] ? 'max-content'
      : `minmax(max-content, ${px.toFixed(1)}fr)`)).join(' ')}`;
  }
  return fitted;
}

/** Notes in focus are at least this much larger than the rest of their board (px). */
const FOCUS_STEP = 3;

/**
 * The phase in focus is shown larger than the rest of the board, never smaller: its cells' text grows from the
 * board's size as long as the board still shows everything. When there is no room for that, other phases and lanes
 * are counted, the ones with the most text first, until the focused notes are FOCUS_STEP px larger (the board's other
 * notes keep their size). The focused size is in data-focus-fit. Returns the board's size.
 */
function growFocus(container, cells, { units, first, size, max, head, open }) {
  const mine = cells.filter((c) => first && c.lane.startsWith(`${first}:`) && c.items.length);
  if (!mine.length || size >= max) return size;
  const fits = () => gridFits(container, cells);
  const apply = (px) => mine.forEach((c) => c.cell.style.setProperty('--note-size', `${px}px`));
  const grow = () => {
    const grown = largestFit(size, max, apply, fits) ?? size;
    apply(grown);
    return grown;
  };
  let grown = grow();
  const others = [...units.values()].filter((u) => u.key !== `row:${first}` && u.cells.some((c) => open.has(c)))
    .sort((a, b) => b.cells.reduce((s, c) => s + textOf(c), 0) - a.cells.reduce((s, c) => s + textOf(c), 0));
  for (const unit of others) {
    if (grown >= Math.min(max, size + FOCUS_STEP)) break;
    apply(size);
    open = new Set([...open].filter((c) => !unit.cells.includes(c)));
    if (fitOpen(container, cells, open, { min: size, max: size, head }) == null) break;
    grown = grow();
  }
  container.dataset.focusFit = String(grown);
  container.dataset.summarised = String(cells.some((c) => c.cell.classList.contains('is-summary')));
  return size;
}

function textOf(c) {
  return c.items.reduce((sum, el) => sum + weightOf(el), 0);
}
