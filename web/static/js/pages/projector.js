import { $, h } from '../shared/dom.js';
import { label, lang, state, t } from '../shared/i18n.js';
import { LiveBoard } from '../shared/live.js';
import { gridOf } from '../shared/template.js';
import { buildGrid, showFocus } from '../shared/grid.js';
import { showStatus } from '../shared/status.js';
import { showTimer } from '../shared/timer.js';
import { projectorLane } from '../proj/lanes.js';
import { fittedBoard, focusLayout } from '../proj/pager.js';
import { paintSpotlight } from '../proj/spotlight.js';
import { projectorVotes } from '../proj/votes.js';
import { projectorPlan } from '../proj/plan.js';
import { markCarried } from '../action/plan.js';
import { paintStepLine } from '../shared/agenda.js';
import { pageText } from '../proj/votefit.js';
import { announceNewNotes } from '../shared/announce.js';

/**
 * The projector: the board fitted to the screen (every note whole, text as large as fits and never under 14px,
 * pages that turn by themselves past that), raw notes or clusters as the moderator chooses, the focused phase
 * large with the other phases as counts, the timer, the join QR code while collecting, the spotlight (a note, a
 * cluster, a phase or a lane), and full screen with F; PageDown and PageUp turn the pages.
 */
const grid = gridOf(state.template);
const container = $('#grid');
const live = new LiveBoard({ boardId: state.boardId, token: state.key, lang });
const draw = buildGrid(container, grid, { renderLane: projectorLane({ grid, live }) });
/** The top bar's page number speaks for what is on screen: the vote's results, or else the board. */
function pageIndicator(source) {
  return (page, count) => {
    if ((source === 'votes') !== votes.showing) return;
    const box = $('#page-indicator');
    box.hidden = count < 2;
    box.textContent = pageText(page, count);
  };
}
const votes = projectorVotes(live, { onPage: pageIndicator('votes') });
const fitted = fittedBoard(container, { onPage: pageIndicator('grid') });
const paintPlan = projectorPlan(live);

function paint() {
  const board = live.board;
  if (!board) return;
  showFocus(container, grid, board.focus);
  const settings = board.settings || {};
  document.body.dataset.view = settings.view || 'notes';
  $('#join-box').hidden = !(settings.showQr && board.stage === 'collecting');
  $('#stage').textContent = t(`stage.${board.stage}`);
  const phase = grid.phases.find((p) => p.key === board.focus);
  $('#focus-label').textContent = phase ? t('proj.focus', { phase: label(phase) }) : '';
  if (board.joinCode && $('#join-code').textContent !== board.joinCode) {
    const url = state.joinUrl.replace(state.joinCode, board.joinCode);
    $('#join-code').textContent = board.joinCode;
    $('#join-url').textContent = url;
    $('#join-qr').src = `/j/${board.joinCode}/qr.svg`;
    $('#join-qr').alt = `${t('proj.scan')}: ${url}`;
  }
  draw(live.view());
  markCarried(container, board);
  votes.paint();
  paintPlan();
  document.body.classList.toggle('has-focus', Boolean(phase));
  // a phase in focus reads at 18px or more, on a laptop-sized projector too
  fitted.refit(focusLayout(phase?.key), { least: phase ? 18 : undefined });
  paintSpotlight(live, grid);
}

function toggleFullscreen() {
  if (document.fullscreenElement) document.exitFullscreen();
  else document.documentElement.requestFullscreen?.().catch(() => {});
}

container.querySelector('.corner')?.replaceChildren(h('p', { class: 'tag-legend' },
  grid.tags.map((tag) => h('span', { class: `tag tag-${tag.key}`, text: label(tag) }))));
showStatus(live, $('#conn'));
showTimer(live, $('#timer'), { announce: true });
announceNewNotes(live, grid);
// A burst of notes (a table sending its notes together, ten events in a few dozen ms) is painted, and the board's
// pages planned, once: in the first frame after the events have been quiet for QUIET ms, and never later than
// MOST ms after the first of them (a steady stream still repaints a few times a second).
const QUIET = 100;
const MOST = 500;
let painting = 0;
let waiting = 0;
let since = 0;
live.addEventListener('change', () => paintStepLine($('#step-line'), live.board, state.template, { compact: true }));
live.addEventListener('change', () => {
  const now = performance.now();
  if (!waiting) since = now;
  clearTimeout(waiting);
  waiting = setTimeout(() => {
    waiting = 0;
    cancelAnimationFrame(painting);
    painting = requestAnimationFrame(paint);
  }, Math.max(0, Math.min(QUIET, since + MOST - now)));
});
live.addEventListener('presence', (event) => {
  $('#participants').textContent = String(event.detail.participants ?? 0);
});
live.addEventListener('fatal', ({ detail }) => {
  $('#proj-error').textContent = detail.code === 'rotated' ? t('proj.rotated') : detail.message || t('conn.failed');
});
$('#fullscreen').addEventListener('click', toggleFullscreen);
document.addEventListener('keydown', (event) => {
  if (event.ctrlKey || event.metaKey || event.altKey) return;
  if (event.key.toLowerCase() === 'f') toggleFullscreen();
  const pager = votes.showing ? votes : fitted;
  if (event.key === 'PageDown' || event.key === 'ArrowRight') pager.turn(1);
  if (event.key === 'PageUp' || event.key === 'ArrowLeft') pager.turn(-1);
});
let resizing;
window.addEventListener('resize', () => {
  clearTimeout(resizing);
  resizing = setTimeout(() => {
    if (!votes.refit()) fitted.refit();
    paintSpotlight(live, grid, true);
  }, 150);
});
live.start();
