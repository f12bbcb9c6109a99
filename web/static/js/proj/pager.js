import { cellsOf, fitGrid, showLayout } from './fit.js';
import { planPages } from './paging.js';

/** What a board shows with a phase in focus: that phase's notes, and every other lane only how many it holds. */
export function focusLayout(focus) {
  if (!focus) return () => null;
  return (cell) => (cell.lane.split(':')[0] === focus && cell.lane.includes(':') ? null : 'summary');
}

/**
 * A board grid kept fitted to its box: refit() after every change or resize; when the notes need more than one
 * screen at the smallest size, the pages turn by themselves every `interval` ms (and with turn(±1)), and
 * onPage(page, count) tells the page what to announce. The grid carries data-fit (the text size in px, or
 * "overflow") and data-page ("1/2") for whoever checks it.
 */
export function fittedBoard(container, { min = 14, max = 44, head, interval = 15000, onPage = () => {} } = {}) {
  let base = () => null;
  let pages = [base];
  let columns = null;
  let settle = null;
  let page = 0;
  let timer = null;
  let last = null;
  let floor = min;

  /** Shows the page: its text as large as fits (the size found last time tried first), settled if it overflows. */
  function show() {
    const cells = cellsOf(container);
    showLayout(cells, pages[page]);
    const fit = () => fitGrid(container, cells, { min: floor, max, head, columns: columns && [columns], hint: last });
    let size = fit();
    if (size == null && settle) {
      pages = settle(page);
      showLayout(cells, pages[page]);
      size = fit();
    }
    last = size;
    container.dataset.fit = size == null ? 'overflow' : String(size);
    container.dataset.page = `${page + 1}/${pages.length}`;
    onPage(page, pages.length);
  }

  function schedule() {
    clearInterval(timer);
    // prefers-reduced-motion: the pages hold still and turn only with PageDown/PageUp (issue 26)
    timer = pages.length > 1 && !matchMedia('(prefers-reduced-motion: reduce)').matches
      ? setInterval(() => turn(1), interval) : null;
  }

  function turn(step) {
    if (pages.length < 2) return;
    page = (page + step + pages.length) % pages.length;
    show();
    schedule();
  }

  /**
   * Lays the board out again; `layout` (a function of a cell) says what each cell shows before paging, and
   * `least` the smallest text size for it (a phase in focus is read from the back of the room: larger, on more
   * pages if need be). Without a layout, the last one and its size hold.
   */
  function refit(layout, { least } = {}) {
    if (layout) {
      base = layout;
      floor = least ?? min;
    }
    if (!container.isConnected || container.closest('[hidden]') || container.clientHeight === 0) return;
    const before = pages.length;
    const started = performance.now();
    let plan;
    try {
      plan = planPages(container, cellsOf(container), base, { min: floor, head });
    } catch (error) {
      // Whatever a note holds, the board goes on showing the others (and later notes) rather than stopping here.
      console.error('planning the pages failed', error);
      plan = { layouts: [base], columns: null, settle: null };
    }
    pages = plan.layouts;
    columns = plan.columns;
    settle = plan.settle;
    if (columns) container.dataset.columns = columns;
    else delete container.dataset.columns;
    if (pages.length !== before) page = 0;
    page = Math.min(page, pages.length - 1);
    show();
    // the bench harness (src/bench Repaint) reads this from Chromium's performance timeline
    performance.measure('pb:refit', { start: started });
    if (pages.length !== before || !timer) schedule();
  }

  // The box changes size when the top bar wraps (a page number, a timer appears) or the join box comes and goes.
  let frame = 0;
  let size = '';
  const observer = new ResizeObserver(() => {
    // the width too: the join box's QR code, once loaded, takes its width from the board
    if (`${container.clientWidth}x${container.clientHeight}` === size) return;
    size = `${container.clientWidth}x${container.clientHeight}`;
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(() => refit());
  });
  observer.observe(container);

  /** Stops turning and watching the box (the plenary, back from one group large to all of them). */
  function stop() {
    clearInterval(timer);
    timer = null;
    cancelAnimationFrame(frame);
    observer.disconnect();
    delete container.dataset.page;
    delete container.dataset.columns;
  }

  return { refit, turn, stop, get pageCount() { return pages.length; } };
}
