/**
 * Fitting a board to a screen that does not scroll. Every cell's list holds its full items (notes, cluster stacks,
 * the count of secret notes) and one summary item (how many notes). A layout says, per lane, which full items show
 * or that the summary shows instead; the fitter then lets the rows take the height their notes need, gives the
 * columns width by how much they hold, and finds the largest text size (a binary search) at which nothing
 * overflows. Past the smallest size the board is split into pages, each filled note by note; a note is never
 * hidden when it would fit.
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
function columnCandidates(cells, head) {
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

/**
 * The order in which a paged board's items fill the pages: round the cells, in the board's order, taking each
 * cell's next item, so every page looks like the board (each cell's first items, then its next ones).
 */
export function pageOrder(cells, base) {
  const queues = cells.map((c) => {
    const shown = base(c);
    return shown === 'summary' ? [] : Array.isArray(shown) ? shown : c.items;
  });
  const order = [];
  const longest = Math.max(0, ...queues.map((q) => q.length));
  for (let r = 0; r < longest; r += 1) {
    for (const q of queues) if (r < q.length) order.push(q[r]);
  }
  return order;
}

const px = (value) => parseFloat(value) || 0;

/**
 * Heights of items measured in earlier plans, per board: a note's card is as tall as before while its element (its
 * text and tags), the columns, the text size and the board's width stay, so a burst of notes measures only the new
 * ones. `columns` is the column template they were measured in; any change of it, of the size or of the columns'
 * widths in pixels starts over.
 */
const measured = new WeakMap();

function heightsFor(container, columns, min, sizeVar) {
  let cache = measured.get(container);
  if (!cache || cache.columns !== columns || cache.min !== min || cache.sizeVar !== sizeVar) {
    cache = { columns, min, sizeVar, tracks: null, heights: new WeakMap() };
    measured.set(container, cache);
  }
  return cache;
}

/**
 * The first column template, kept from the last plan while the columns' shares stay within 15% of it (a few notes
 * more do not move every column by a pixel, and the heights measured in it stay valid).
 */
function steadyColumns(container, template) {
  const last = measured.get(container)?.columns;
  if (!last) return template;
  const shares = (t) => [...t.matchAll(/([\d.]+)fr/g)].map((m) => Number(m[1]));
  const shape = (t) => t.replace(/[\d.]+fr/g, 'fr');
  if (shape(last) !== shape(template)) return template;
  const before = shares(last);
  const now = shares(template);
  return now.every((v, i) => Math.abs(v - before[i]) <= 0.15 * Math.max(v, before[i])) ? last : template;
}

/**
 * The board at `min` in fixed columns, measured in one layout: each grid item's own height (items aligned to the
 * top, so a cell is as tall as what it holds), each item's height with its margins, and what a cell needs besides its
 * items. Only the items of the base layout not measured before are shown for it (the others' heights come from the
 * cache), so the layout is small. From these, how tall a page would be is a sum, not a layout: rows are as tall as
 * their tallest cell or head, and a lane that spans the rows needs their height together.
 */
function measure(container, cells, min, sizeVar, base, cache) {
  const baseItems = (c) => {
    const shown = base(c);
    return shown === 'summary' ? [] : Array.isArray(shown) ? shown : c.items;
  };
  showLayout(cells, (c) => (base(c) === 'summary' ? 'summary' : baseItems(c).filter((el) => !cache.heights.has(el))));
  container.style.setProperty(sizeVar, `${min}px`);
  container.style.alignItems = 'start';
  const style = getComputedStyle(container);
  if (cache.tracks !== style.gridTemplateColumns) {
    // columns of other widths (the board's width, or its heads', changed): every item is measured again
    cache.tracks = style.gridTemplateColumns;
    cache.heights = new WeakMap();
    showLayout(cells, base);
  }
  const gap = px(style.rowGap);
  const heads = [...container.querySelectorAll('.row-head')];
  const rowOf = new Map(heads.map((head, r) => [head.dataset.phase, r]));
  const height = (el) => el.getBoundingClientRect().height;
  const top = Math.max(0, ...[...container.querySelectorAll('.col-head, .corner')].map(height));
  const rowHeads = heads.map(height);
  const itemHeight = new Map();
  const model = cells.map((c) => {
    let own = height(c.cell);
    for (const el of c.items) {
      if (el.hidden) continue;
      const s = getComputedStyle(el);
      const h = height(el) + px(s.marginTop) + px(s.marginBottom);
      cache.heights.set(el, h);
      own -= h;
    }
    for (const el of baseItems(c)) itemHeight.set(el, cache.heights.get(el) ?? 0);
    const spans = Boolean(c.cell.style.gridColumn);
    return { spans, row: spans ? -1 : rowOf.get(c.lane.split(':')[0]) ?? 0, own: Math.max(0, own) };
  });
  const room = container.clientHeight - px(style.paddingTop) - px(style.paddingBottom);
  // the columns' widths in this same layout (the items' alignment does not change them)
  const columns = style.gridTemplateColumns.split(' ').map(px);
  container.style.alignItems = '';
  showLayout(cells, base);
  return { gap, top, rowHeads, itemHeight, model, room, columns };
}

/** Whether cells of these heights (in measure's model) fit the board's height. */
function fitsModel(m, heights) {
  const rows = m.rowHeads.slice();
  let spanning = 0;
  m.model.forEach((cell, i) => {
    if (cell.spans) spanning = Math.max(spanning, heights[i]);
    else rows[cell.row] = Math.max(rows[cell.row], heights[i]);
  });
  const body = Math.max(rows.reduce((s, v) => s + v, 0) + m.gap * Math.max(0, rows.length - 1), spanning);
  return m.top + m.gap + body <= m.room + 0.5;
}

/**
 * Plans the pages of a board that does not fit at `min`, in fixed columns (the widths the board's own columns get
 * with every note shown), so a page's height is a sum of measured heights rather than a layout of the page. Each
 * page takes the items in pageOrder as long as they fit, and then every later item that still fits beside them
 * (first fit; a cell whose next item does not fit is not tried again for that page): a cell with room takes its
 * next note although a taller cell's next note went to the next page. So every item is on exactly one page, each
 * page is as full as that allows, and items keep their order within a cell. Planning costs one layout (measuring)
 * however many pages there are: a page is laid out when it is shown, and settle(i) then moves the items the sums
 * misjudged to the next page. A single item that does not fit alone gets a page of its own; past `most` pages the
 * last one takes the rest. Returns the layouts (one when everything fits), the columns the pages use (null when
 * the board fits, so its columns follow what it holds) and settle (null when the board fits).
 */
export function planPages(container, cells, base, { min, head = 'minmax(min-content, 0.5fr)', most = 40,
  sizeVar = '--note-size' }) {
  showLayout(cells, base);
  const rows = container.querySelectorAll('.row-head').length;
  container.style.gridTemplateRows = `auto repeat(${rows}, max-content)`;
  container.style.alignContent = 'start';
  const first = steadyColumns(container, columnCandidates(cells, head)[0]);
  container.style.gridTemplateColumns = first;
  const m = measure(container, cells, min, sizeVar, base, heightsFor(container, first, min, sizeVar));
  // the widths as weights: the same columns at this width, and never wider than the board if it narrows
  const columns = m.columns.map((v) => `minmax(0, ${v.toFixed(2)}fr)`).join(' ');
  const own = m.model.map((cell) => cell.own);
  const all = own.slice();
  const order = pageOrder(cells, base);
  const rank = new Map(order.map((el, i) => [el, i]));
  const cellOf = new Map();
  cells.forEach((c, i) => c.items.forEach((el) => cellOf.set(el, i)));
  for (const el of order) all[cellOf.get(el)] += m.itemHeight.get(el) || 0;
  // Close calls are settled by a real layout; a board far past one screen is not laid out whole again.
  if (fitsModel(m, all.map((v) => v * 0.9)) && fitGrid(container, cells, { min, max: min, head }) != null) {
    return { layouts: [base], columns: null, settle: null };
  }
  const pageOf = (items) => {
    const on = new Set(items);
    return (c) => (base(c) === 'summary' ? 'summary' : c.items.filter((el) => on.has(el)));
  };
  const checks = (layout) => {
    showLayout(cells, layout);
    return fitGrid(container, cells, { min, max: min, head, columns: [columns] }) != null;
  };
  const pages = [];
  let left = order;
  while (left.length) {
    if (pages.length === most - 1) {
      pages.push(left);
      break;
    }
    const heights = own.slice();
    const stuck = new Set();
    const page = [];
    const later = [];
    for (const el of left) {
      const i = cellOf.get(el);
      if (!stuck.has(i)) {
        heights[i] += m.itemHeight.get(el) || 0;
        if (!page.length || fitsModel(m, heights)) {
          page.push(el);
          continue;
        }
        heights[i] -= m.itemHeight.get(el) || 0;
        stuck.add(i);
      }
      later.push(el);
    }
    pages.push(page);
    left = later;
  }
  // a board with nothing to page (no notes, or only counts) that does not fit even so is one page, shown as it is
  if (!pages.length) pages.push([]);
  /**
   * The sums are close, not exact (margins, rounding), and a page is laid out only when it is shown: a page that
   * does not fit gives back its last items (each the latest of its cell on this page) until it fits; they go to the
   * top of the next page (a new one after the last). Returns the layouts again.
   */
  function settle(i) {
    const page = pages[i];
    if (!page) return pages.map(pageOf);
    const back = [];
    while (page.length > 1 && !checks(pageOf(page))) back.unshift(page.pop());
    if (back.length && i + 1 < pages.length) {
      pages[i + 1] = [...back, ...pages[i + 1]].sort((a, b) => rank.get(a) - rank.get(b));
    } else if (back.length) {
      pages.push(back);
    }
    return pages.map(pageOf);
  }
  return { layouts: pages.map(pageOf), columns, settle };
}

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
