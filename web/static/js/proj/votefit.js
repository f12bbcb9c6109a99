import { h } from '../shared/dom.js';
import { t } from '../shared/i18n.js';
import { resultsTable, screenMatrix } from '../vote/results.js';
import { largestFit } from './fit.js';

/**
 * Revealed vote rounds on a screen that does not scroll (the projector, a closed board's page on a laptop): every
 * proposal's rank, name and figures, and for ratings the matrix with its legend, at the largest text that fits and
 * never under `min` px. Past what fits at `min` the proposals are split into pages, in rank order, that turn by
 * themselves every `interval` ms (and with turn(±1)); onPage(page, count) says what to announce. The box carries
 * data-fit (the text size) and data-page ("1/2") for whoever checks it.
 */
export function fittedResults(box, { live, min = 16, max = 40, interval = 15000, headings = false,
  onPage = () => {} }) {
  let pages = [];
  let page = 0;
  let timer = null;

  const overflows = (el) => el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1;
  // scrollHeight is rounded to whole pixels: a last row out by a fraction of one is still cut, so rows are
  // also measured against their boxes
  const inside = (el) => {
    const bottom = el.getBoundingClientRect().bottom;
    return [...el.querySelectorAll('tr')].every((row) => row.getBoundingClientRect().bottom <= bottom);
  };
  const fits = () => !overflows(box) && [...box.querySelectorAll('.screen-round, .screen-ranking')]
    .every((el) => !overflows(el) && inside(el));
  const apply = (size) => box.style.setProperty('--vote-size', `${size}px`);

  /** One page: per round, its heading (when asked), the table of its rows and, for ratings, the matrix. */
  function draw(parts) {
    box.replaceChildren(...parts.map(({ round, rows, heading }) => {
      const section = h('section', { class: `screen-round kind-${round.kind}`, 'aria-label': heading || null },
        headings && heading ? h('h2', { class: 'screen-round-heading', text: heading }) : null,
        h('div', { class: 'screen-ranking' }, resultsTable(live, round, rows)));
      return section;
    }));
    // the matrix is a square as large as its round's height allows with its legend below, at most 42% of the width
    for (const [i, part] of parts.entries()) {
      if (part.round.kind !== 'rating') continue;
      const section = box.children[i];
      const available = section.clientHeight - (section.querySelector('.screen-round-heading')?.offsetHeight || 0);
      let side = Math.max(200, Math.min(available * 0.8, box.clientWidth * 0.42, 640));
      let figure = screenMatrix(part.round, part.rows, side);
      if (!figure) continue;
      section.classList.add('with-matrix');
      section.append(figure);
      for (let k = 0; k < 3; k += 1) {
        const over = figure.getBoundingClientRect().height - available;
        if (over <= 0 || side <= 200) break;
        side = Math.max(200, side - over - 2);
        const next = screenMatrix(part.round, part.rows, side);
        figure.replaceWith(next);
        figure = next;
      }
    }
  }

  function plan(rounds) {
    const units = rounds.flatMap((entry) => (entry.round.results || []).map((row) => ({ ...entry, row })));
    const partsOf = (list) => {
      const parts = [];
      for (const unit of list) {
        const last = parts[parts.length - 1];
        if (last && last.round === unit.round) last.rows.push(unit.row);
        else parts.push({ round: unit.round, heading: unit.heading, rows: [unit.row] });
      }
      return parts;
    };
    apply(min);
    draw(partsOf(units));
    if (fits()) return [partsOf(units)];
    const out = [];
    let current = [];
    for (const unit of units) {
      const trial = [...current, unit];
      draw(partsOf(trial));
      if (!current.length || fits()) {
        current = trial;
      } else {
        out.push(partsOf(current));
        current = [unit];
      }
    }
    if (current.length) out.push(partsOf(current));
    return out;
  }

  function show() {
    const parts = pages[page] || [];
    let size = null;
    apply(min);
    draw(parts);
    size = largestFit(min, max, (s) => {
      apply(s);
      draw(parts);
    }, fits);
    if (size == null) {
      apply(min);
      draw(parts);
    }
    box.dataset.fit = size == null ? 'overflow' : String(size);
    box.dataset.page = `${page + 1}/${pages.length}`;
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

  let shown = null;
  /** Shows these rounds ({round, heading}), revealed, from the first page. */
  function showRounds(rounds) {
    shown = rounds;
    if (!box.isConnected || box.clientHeight === 0) {
      pages = [];
      return;
    }
    pages = plan(rounds);
    page = 0;
    show();
    schedule();
  }

  function stop() {
    clearInterval(timer);
    timer = null;
    pages = [];
    shown = null;
  }

  // The box changes height when a bar above it wraps or a message comes and goes: the pages are planned again.
  let height = 0;
  let frame = 0;
  new ResizeObserver(() => {
    if (box.clientHeight === height) return;
    height = box.clientHeight;
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(() => {
      if (!shown || !box.clientHeight) return;
      const at = page;
      pages = plan(shown);
      page = Math.min(at, pages.length - 1);
      show();
      schedule();
    });
  }).observe(box);

  return { showRounds, turn, stop, get pageCount() { return pages.length; } };
}

/** "Pagina 1 di 2", or nothing for a single page. */
export function pageText(page, count) {
  return count < 2 ? '' : t('proj.page', { n: page + 1, of: count });
}
