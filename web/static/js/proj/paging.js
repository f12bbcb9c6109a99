import { columnCandidates, fitGrid, px, showLayout } from './fit.js';

/**
 * Paging a board that does not fit the screen at its smallest text size: the order items fill pages in, and the
 * plan of the pages from measured heights (proj/fit.js fits one page).
 */
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
