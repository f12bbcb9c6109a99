/**
 * Fitting a board to a screen that does not scroll. Every cell's list holds its full items (notes, cluster stacks,
 * the count of secret notes) and one summary item (how many notes). A layout says, per lane, which full items show
 * or that the summary shows instead; the fitter then lets the rows take the height their notes need, gives the
 * columns width by how much they hold, and finds the largest text size (a binary search) at which nothing
 * overflows. Past the smallest size the board is split into pages; a note is never hidden when it would fit.
 */

/** The largest whole size in [min, max] at which fits() holds after apply(size); null when not even min fits. */
export function largestFit(min, max, apply, fits) {
  apply(min);
  if (!fits()) return null;
  let lo = min;
  let hi = max;
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
const weightOf = (el) => Math.max(12, (el.textContent || '').length);

/** The cells of a board grid, each with its lane id, list, full items and summary item. */
export function cellsOf(container) {
  return [...container.querySelectorAll('.cell')].map((cell) => {
    const list = cell.querySelector('.cell-notes');
    return { cell, lane: cell.dataset.lane, list, items: fullItems(list), summary: list.querySelector('.cell-summary') };
  });
}

/** Shows, per cell, the summary (when layout says 'summary') or the given full items (an array, or all). */
export function showLayout(cells, layout = () => null) {
  for (const c of cells) {
    const shown = layout(c);
    const summary = shown === 'summary';
    const keep = Array.isArray(shown) ? new Set(shown) : null;
    for (const el of c.items) el.hidden = summary || (keep ? !keep.has(el) : false);
    if (c.summary) c.summary.hidden = !summary;
    c.cell.classList.toggle('is-summary', summary);
  }
}

/** The text a cell shows now, as a rough measure of the room it needs. */
function load(c) {
  if (c.summary && !c.summary.hidden) return 12;
  return c.items.filter((el) => !el.hidden).reduce((sum, el) => sum + weightOf(el), 0);
}

/**
 * Column templates to try, as grid.js orders the columns (row heads, the dimensions, then the extra lanes that span
 * every row): widths in proportion to the text each column shows, by its square root, and equal; on a tie the
 * first wins. No column gets narrower than its longest word.
 */
function columnCandidates(cells, head) {
  const dims = [];
  const extras = [];
  for (const c of cells) {
    if (c.cell.style.gridColumn) {
      extras.push(load(c));
    } else {
      const i = Number(c.cell.className.match(/dim-(\d+)/)?.[1] ?? 0);
      dims[i] = (dims[i] || 0) + load(c);
    }
  }
  const loads = [...dims.map((v) => v || 0), ...extras];
  const mean = loads.reduce((s, v) => s + v, 0) / Math.max(1, loads.length) || 1;
  const templates = [1, 0.5, 0].map((p) => {
    const weights = loads.map((v) => Math.max(0.3, Math.pow(Math.max(v, 1) / mean, p)));
    return `${head} ${weights.map((w) => `minmax(min-content, ${w.toFixed(3)}fr)`).join(' ')}`;
  });
  return [...new Set(templates)];
}

function overflows(el) {
  return el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1;
}

/** Whether the grid and all of its cells show everything they hold. */
function gridFits(container, cells) {
  if (overflows(container)) return false;
  return cells.every((c) => !overflows(c.cell));
}

/**
 * Fits the grid's text to its box: returns the size in px, or null when even `min` does not fit. The rows end up
 * sharing the free height by what they hold (their measured heights as fr weights).
 */
export function fitGrid(container, cells, { min, max, head = 'minmax(min-content, 0.5fr)', sizeVar = '--note-size' }) {
  const rows = container.querySelectorAll('.row-head').length;
  container.style.gridTemplateRows = `auto repeat(${rows}, max-content)`;
  container.style.alignContent = 'start';
  const apply = (size) => container.style.setProperty(sizeVar, `${size}px`);
  const fits = () => gridFits(container, cells);
  let best = null;
  for (const columns of columnCandidates(cells, head)) {
    container.style.gridTemplateColumns = columns;
    if (best) {
      if (best.size >= max) break;
      apply(best.size + 1);
      if (!fits()) continue;
    }
    const size = largestFit(best ? best.size + 1 : min, max, apply, fits);
    if (size != null && (!best || size > best.size)) best = { size, columns };
  }
  if (!best) {
    container.style.alignContent = '';
    return null;
  }
  container.style.gridTemplateColumns = best.columns;
  apply(best.size);
  const heights = getComputedStyle(container).gridTemplateRows.split(' ').slice(1).map((v) => parseFloat(v) || 1);
  container.style.gridTemplateRows = `auto ${heights.map((px) => `minmax(max-content, ${px.toFixed(1)}fr)`).join(' ')}`;
  container.style.alignContent = '';
  return best.size;
}

/** Splits a list into n contiguous chunks of about the same amount of text. */
function chunk(items, n) {
  const total = items.reduce((s, el) => s + weightOf(el), 0);
  const chunks = Array.from({ length: n }, () => []);
  let done = 0;
  for (const el of items) {
    const index = Math.min(n - 1, Math.floor((done / total) * n));
    chunks[index].push(el);
    done += weightOf(el);
  }
  return chunks;
}

/**
 * Plans the pages of a board that does not fit at `min`: the fewest pages (up to `most`) on which every lane's
 * notes, split evenly, fit at `min`. Returns an array of layouts; a single page when everything fits.
 */
export function planPages(container, cells, base, { min, head, most = 12 }) {
  const fitsAtMin = (layout) => {
    showLayout(cells, layout);
    return fitGrid(container, cells, { min, max: min, head }) != null;
  };
  if (fitsAtMin(base)) return [base];
  for (let n = 2; n <= most; n += 1) {
    const split = new Map(cells.map((c) => {
      const shown = base(c);
      const items = shown === 'summary' ? null : Array.isArray(shown) ? shown : c.items;
      return [c.lane, items ? chunk(items, n) : null];
    }));
    const layouts = Array.from({ length: n }, (_, page) => (c) => {
      const parts = split.get(c.lane);
      return parts ? parts[page] : 'summary';
    });
    if (layouts.every(fitsAtMin)) return layouts;
  }
  return [base];
}

/**
 * Fits a board that may not page (the plenary): all notes if they fit at `min`; otherwise every lane starts as its
 * summary and lanes are opened, the smallest first, as long as the board still fits at `min`. Then the text grows
 * as far as it can. Returns the size in px.
 */
export function fitOrSummarise(container, { min = 14, max = 32, head } = {}) {
  const cells = cellsOf(container);
  showLayout(cells);
  const size = fitGrid(container, cells, { min, max, head });
  container.dataset.summarised = String(size == null);
  if (size != null) return size;
  const open = new Set();
  const layout = (c) => (open.has(c) ? null : 'summary');
  for (const c of cells.filter((x) => x.items.length).sort((a, b) => textOf(a) - textOf(b))) {
    open.add(c);
    showLayout(cells, layout);
    if (fitGrid(container, cells, { min, max: min, head }) == null) open.delete(c);
  }
  showLayout(cells, layout);
  return fitGrid(container, cells, { min, max, head });
}

function textOf(c) {
  return c.items.reduce((sum, el) => sum + weightOf(el), 0);
}
