/**
 * Fitting a board to a screen that does not scroll. Every cell's list holds its full items (notes, cluster stacks,
 * the count of secret notes) and one summary item (how many notes). A layout says, per lane, which full items show
 * or that the summary shows instead; the fitter then lets the rows take the height their notes need, gives the
 * columns width by how much they hold, and finds the largest text size (a binary search) at which nothing
 * overflows. Past the smallest size the board is split into pages, each filled note by note, a note never hidden
 * when it would fit (proj/paging.js); the plenary, which may not page, counts whole phases instead
 * (proj/summarise.js).
 */

/**
 * The largest whole size in [min, max] at which fits() holds after apply(size); null when not even min fits. A
 * `hint` (the size found last time) is tried first: when it still fits and one more does not, that is two layouts
 * instead of a search.
 */
export function largestFit(min, max, apply, fits, hint = null) {
  let lo = null;
  let hi = max;
  if (hint != null && hint >= min && hint <= max) {
    apply(hint);
    if (!fits()) hi = hint - 1;
    else if (hint === max) return hint;
    else {
      apply(hint + 1);
      if (!fits()) {
        apply(hint);
        return hint;
      }
      lo = hint + 1;
    }
    if (hi < min) return null;
  }
  if (lo == null) {
    apply(min);
    if (!fits()) return null;
    lo = min;
  }
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    apply(mid);
    if (fits()) lo = mid;
    else hi = mid - 1;
  }
  apply(lo);
  return lo;
}

const fullItems = (list) => [...list.children].filter((el) => !el.classList.contains('cell-summary'));
// a note longer than a long sentence shows at most a dozen lines on the board (the spotlight shows it whole), so
// it weighs no more than that in the columns' widths
export const weightOf = (el) => Math.max(12, Math.min(160, (el.textContent || '').length));

/** The cells of a board grid, each with its lane id, list, full items and summary item. */
export function cellsOf(container) {
  return [...container.querySelectorAll('.cell')].map((cell) => {
    const list = cell.querySelector('.cell-notes');
    return { cell, lane: cell.dataset.lane, list, items: fullItems(list), summary: list.querySelector('.cell-summary') };
  });
}

/**
 * Shows, per cell, the summary (when layout says 'summary'; items marked data-keep, the plenary's cluster stacks,
 * stay beside it) or the given full items (an array, or all).
 */
export function showLayout(cells, layout = () => null) {
  for (const c of cells) {
    const shown = layout(c);
    const summary = shown === 'summary';
    const keep = Array.isArray(shown) ? new Set(shown) : null;
    for (const el of c.items) el.hidden = summary ? !('keep' in el.dataset) : keep ? !keep.has(el) : false;
    if (c.summary) c.summary.hidden = !summary;
    c.cell.classList.toggle('is-summary', summary);
  }
}

/** The text a cell shows now, as a rough measure of the room it needs. */
function load(c) {
  const shown = c.items.filter((el) => !el.hidden).reduce((sum, el) => sum + weightOf(el), 0);
  return c.summary && !c.summary.hidden ? 12 + shown : shown;
}

/** Whether a cell shows only its count (no note, no stack). */
function countOnly(c) {
  return Boolean(c.summary && !c.summary.hidden) && c.items.every((el) => el.hidden);
}

/**
 * Column templates to try, as grid.js orders the columns (row heads, the dimensions, then the extra lanes that span
 * every row): widths in proportion to the text each column shows, by its square root, and equal; on a tie the
 * first wins. No column gets narrower than its longest word; a column that only shows counts takes just their width.
 */
export function columnCandidates(cells, head) {
  const dims = [];
  const extras = [];
  for (const c of cells) {
    if (c.cell.style.gridColumn) {
      extras.push({ load: load(c), counted: countOnly(c) });
    } else {
      const i = Number(c.cell.className.match(/dim-(\d+)/)?.[1] ?? 0);
      dims[i] = { load: (dims[i]?.load || 0) + load(c), counted: (dims[i]?.counted ?? true) && countOnly(c) };
    }
  }
  // an empty column (a lane no one wrote in) takes only the width of its head, like a counted one
  const columns = [...Array.from(dims, (d) => d || { load: 0, counted: false }), ...extras]
    .map((col) => (col.load ? col : { load: 0, counted: true }));
  const loads = columns.filter((col) => !col.counted).map((col) => col.load);
  const mean = loads.reduce((s, v) => s + v, 0) / Math.max(1, loads.length) || 1;
  const templates = [1, 0.5, 0].map((p) => {
    const widths = columns.map((col) => (col.counted ? 'min-content'
      : `minmax(min-content, ${Math.max(0.3, Math.pow(Math.max(col.load, 1) / mean, p)).toFixed(3)}fr)`));
    return `${head} ${widths.join(' ')}`;
  });
  return [...new Set(templates)];
}

function overflows(el) {
  return el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1;
}

/**
 * Whether the grid and all of its cells show everything they hold. The grid itself is held to a fraction of a
 * pixel (scrollHeight is rounded): a row a pixel too tall loses its bottom border at the screen's edge.
 */
export function gridFits(container, cells = cellsOf(container)) {
  if (container.scrollHeight > container.clientHeight || container.scrollWidth > container.clientWidth) return false;
  const box = container.getBoundingClientRect();
  const style = getComputedStyle(container);
  const bottom = box.bottom - px(style.borderBottomWidth) - px(style.paddingBottom) + 0.25;
  const right = box.right - px(style.borderRightWidth) - px(style.paddingRight) + 0.25;
  return cells.every((c) => {
    const r = c.cell.getBoundingClientRect();
    return r.bottom <= bottom && r.right <= right && !overflows(c.cell);
  });
}

/**
 * Fits the grid's text to its box: returns the size in px, or null when even `min` does not fit. The rows end up
 * sharing the free height by what they hold (their measured heights as fr weights). `columns` gives the column
 * templates to try instead of the ones worked out from what the cells hold (a paged board keeps its planned ones).
 */
export function fitGrid(container, cells, { min, max, head = 'minmax(min-content, 0.5fr)', sizeVar = '--note-size',
  columns: given = null, hint = null }) {
  const rows = container.querySelectorAll('.row-head').length;
  container.style.gridTemplateRows = `auto repeat(${rows}, max-content)`;
  container.style.alignContent = 'start';
  const apply = (size) => container.style.setProperty(sizeVar, `${size}px`);
  const fits = () => gridFits(container, cells);
  let best = null;
  for (const columns of given || columnCandidates(cells, head)) {
    container.style.gridTemplateColumns = columns;
    if (best) {
      if (best.size >= max) break;
      apply(best.size + 1);
      if (!fits()) continue;
    }
    const size = largestFit(best ? best.size + 1 : min, max, apply, fits, best ? null : hint);
    if (size != null && (!best || size > best.size)) best = { size, columns };
  }
  if (!best) {
    // Nothing fits: the rows share the height equally, each showing what its share holds, rather than the last
    // rows falling off the screen.
    container.style.gridTemplateRows = `auto repeat(${rows}, minmax(0, 1fr))`;
    container.style.alignContent = '';
    // row heads may take the width no column uses, so that they need fewer lines
    container.style.gridTemplateColumns = container.style.gridTemplateColumns.replace(head,
      'minmax(min-content, max-content)');
    return null;
  }
  container.style.gridTemplateColumns = best.columns;
  apply(best.size);
  const heights = getComputedStyle(container).gridTemplateRows.split(' ').slice(1).map((v) => parseFloat(v) || 1);
  container.style.gridTemplateRows = `auto ${heights.map((px) => `minmax(max-content, ${px.toFixed(1)}fr)`).join(' ')}`;
  container.style.alignContent = '';
  return best.size;
}

export const px = (value) => parseFloat(value) || 0;
