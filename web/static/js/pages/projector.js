import { $ } from '../dom.js';
import { label, lang, state, t } from '../i18n.js';
import { LiveBoard } from '../live.js';
import { gridOf } from '../template.js';
import { buildGrid, showFocus } from '../grid.js';
import { showStatus } from '../status.js';
import { showTimer } from '../timer.js';
import { fitCells, projectorLane } from '../proj/lanes.js';
import { paintSpotlight } from '../proj/spotlight.js';
import { projectorVotes } from '../proj/votes.js';

/**
 * The projector: the board fitted to the screen, raw notes or clusters as the moderator chooses, the focused phase
 * large, the timer, the join QR code while collecting, the spotlight, and full screen with F.
 */
const grid = gridOf(state.template);
const container = $('#grid');
const live = new LiveBoard({ boardId: state.boardId, token: state.key, lang });
const draw = buildGrid(container, grid, { renderLane: projectorLane({ grid, live }) });
const paintVotes = projectorVotes(live);

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
  paintVotes();
  fitCells(container);
  paintSpotlight(live, grid);
}

function toggleFullscreen() {
  if (document.fullscreenElement) document.exitFullscreen();
  else document.documentElement.requestFullscreen?.().catch(() => {});
}

showStatus(live, $('#conn'));
showTimer(live, $('#timer'));
live.addEventListener('change', paint);
live.addEventListener('presence', (event) => {
  $('#participants').textContent = String(event.detail.participants ?? 0);
});
live.addEventListener('fatal', ({ detail }) => {
  $('#proj-error').textContent = detail.code === 'rotated' ? t('proj.rotated') : detail.message || t('conn.failed');
});
$('#fullscreen').addEventListener('click', toggleFullscreen);
document.addEventListener('keydown', (event) => {
  if (event.key.toLowerCase() === 'f' && !event.ctrlKey && !event.metaKey && !event.altKey) toggleFullscreen();
});
let resizing;
window.addEventListener('resize', () => {
  clearTimeout(resizing);
  resizing = setTimeout(() => fitCells(container), 150);
});
live.start();
