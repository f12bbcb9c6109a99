import { $, h } from '../shared/dom.js';
import { label, lang, state, t } from '../shared/i18n.js';
import { LiveBoard } from '../shared/live.js';
import { gridOf } from '../shared/template.js';
import { buildGrid, showFocus } from '../shared/grid.js';
import { showStatus } from '../shared/status.js';
import { showTimer } from '../shared/timer.js';
import { projectorLane } from '../proj/lanes.js';
import { gridFits, weightOf } from '../proj/fit.js';
import { fitOrSummarise } from '../proj/summarise.js';
import { fittedBoard, focusLayout } from '../proj/pager.js';
import { pageText } from '../proj/votefit.js';
import { proposalsView } from '../proj/proposals.js';

/**
 * The plenary: every group's board side by side on one screen, live, for the closing discussion. Each board gets a
 * share of the width by how much its notes say, and is fitted to it: its notes at the largest size that fits (never
 * under 11px), or, where they cannot fit, whole phases as counts in slim rows (proj/fit.js); the phase in focus is
 * the last to be counted, and is shown larger where there is room. A board with clusters shows them, by name and
 * count, in their cells. One group can be shown large (its button, or keys 1–9; Esc for all again): then it is the
 * projector's board (proj/pager.js), its notes at 14px or more, turning its pages by itself past one screen.
 * The organiser's key opens every board of the workshop, so there is one socket per board.
 */
const HEAD = 'min-content';
const boards = [];
const main = $('#main');

let frame = 0;
/** Fits every board again in the next frame (one board's notes change the others' share of the width). */
function refitAll() {
  cancelAnimationFrame(frame);
  frame = requestAnimationFrame(() => {
    shareWidth();
    for (const b of boards) b.fit();
    // a board's fitting can change how wide its neighbour is (neither is narrower than its heads): one that no
    // longer fits is fitted again
    for (let pass = 0; pass < 2; pass += 1) {
      const again = boards.filter((b) => !b.pager && b.section.offsetParent !== null && !gridFits(b.container));
      if (!again.length) break;
      again.forEach((b) => b.fit());
    }
  });
}

for (const board of state.boards) {
  const section = document.querySelector(`[data-board-id="${board.id}"]`);
  const live = new LiveBoard({ boardId: board.id, token: state.organiserKey, lang });
  const container = section.querySelector('.plenary-grid');
  const pageBox = h('p', { class: 'proj-page plenary-page', 'aria-live': 'polite', hidden: true });
  const entry = { section, container, live, pager: null };
  boards.push(entry);
  let draw = null;
  let grid = null;
  entry.fit = () => {
    if (!draw || section.offsetParent === null) return;
    const focus = live.board?.focus;
    if (entry.pager) entry.pager.refit(focusLayout(grid.phases.some((p) => p.key === focus) ? focus : null));
    else fitOrSummarise(container, { min: 11, max: 32, head: HEAD, first: focus });
  };
  /** One group large: the projector's board, paging by itself; back among all: fitted with counts. */
  entry.large = (on) => {
    if (on && !entry.pager) {
      delete container.dataset.summarised;
      entry.pager = fittedBoard(container, { min: 14, max: 44, head: HEAD, onPage: (page, count) => {
        pageBox.hidden = count < 2;
        pageBox.textContent = pageText(page, count);
      } });
    } else if (!on && entry.pager) {
      entry.pager.stop();
      entry.pager = null;
      pageBox.hidden = true;
    }
  };
  // a short word on the button (the head stays one row); its name says which group
  const button = h('button', { type: 'button', class: 'plenary-large', 'aria-pressed': 'false',
    'aria-label': t('plenary.showLarge', { name: board.name }), text: t('plenary.large'),
    onclick: () => showLarge(entry) });
  section.querySelector('.plenary-head').append(pageBox, button);
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
    refitAll();
    proposals.changed();
  });
  live.start();
}

const proposals = proposalsView(boards, { onMode: refitAll });

/**
 * Side by side, each board's width follows what its notes say (a board of 66 notes needs more room than one of
 * 46), and is never less than its heads need. Boards that cannot all stand side by side at that least width (four
 * groups, or an old 1024-pixel projector) go in rows, as few as fit, with the boards spread evenly over them (five
 * groups: three above, two below). One group large, or a phone's screen, keeps the columns of the style sheet.
 */
let shares = '';
function shareWidth() {
  const together = !document.body.classList.contains('has-large') && matchMedia('(min-width: 900px)').matches
    && boards.length > 1;
  const next = together ? arrangement() : { columns: '', rows: '', flow: '' };
  const key = `${next.columns}|${next.rows}`;
  if (key !== shares) {
    shares = key;
    main.style.gridTemplateColumns = next.columns;
    main.style.gridTemplateRows = next.rows;
    main.style.gridAutoFlow = next.flow;
  }
}

/** How many boards stand in a row, and the columns and rows of the boards' grid for that. */
function arrangement() {
  const least = leastWidths();
  const style = getComputedStyle(main);
  const gap = parseFloat(style.columnGap) || 0;
  const room = main.clientWidth - (parseFloat(style.paddingLeft) || 0) - (parseFloat(style.paddingRight) || 0);
  const fits = (perRow) => {
    let width = -gap;
    for (let col = 0; col < perRow; col += 1) {
      width += gap + Math.max(...least.filter((_, i) => i % perRow === col));
    }
    return width <= room + 0.5;
  };
  let most = boards.length;
  while (most > 1 && !fits(most)) most -= 1;
  const rows = Math.ceil(boards.length / most);
  const perRow = Math.ceil(boards.length / rows);
  const loads = boards.map((b) => [...b.container.querySelectorAll('.note, .stack')]
    .reduce((sum, el) => sum + weightOf(el), 0));
  const columnLoads = Array.from({ length: perRow }, (_, col) => {
    const mine = loads.filter((_, i) => i % perRow === col);
    return mine.reduce((a, v) => a + v, 0) / mine.length;
  });
  const mean = columnLoads.reduce((a, v) => a + v, 0) / perRow || 1;
  return {
    columns: columnLoads.map((v) => `minmax(min-content, ${(v / mean + 0.4).toFixed(2)}fr)`).join(' '),
    rows: rows > 1 ? `repeat(${rows}, minmax(0, 1fr))` : '',
    flow: rows > 1 ? 'row' : '',
  };
}

/** Each board's least width (what its heads and longest words need), measured with every board side by side. */
function leastWidths() {
  const before = [main.style.gridTemplateColumns, main.style.gridTemplateRows, main.style.gridAutoFlow];
  main.style.gridTemplateColumns = boards.map(() => 'min-content').join(' ');
  main.style.gridTemplateRows = '';
  main.style.gridAutoFlow = '';
  const least = boards.map((b) => b.section.getBoundingClientRect().width);
  [main.style.gridTemplateColumns, main.style.gridTemplateRows, main.style.gridAutoFlow] = before;
  return least;
}

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
    b.large(on);
  }
  refitAll();
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
  } else if (['PageDown', 'ArrowRight', 'PageUp', 'ArrowLeft'].includes(event.key)) {
    // one group large turns its pages with the projector's keys
    boards.find((b) => b.pager)?.pager.turn(event.key === 'PageDown' || event.key === 'ArrowRight' ? 1 : -1);
  } else if (digit && boards[Number(digit) - 1]) {
    const chosen = boards[Number(digit) - 1];
    if (!chosen.section.classList.contains('is-large')) showLarge(chosen);
  }
});
let resizing;
window.addEventListener('resize', () => {
  clearTimeout(resizing);
  resizing = setTimeout(refitAll, 150);
});

function toggle() {
  if (document.fullscreenElement) document.exitFullscreen();
  else document.documentElement.requestFullscreen?.().catch(() => {});
}
