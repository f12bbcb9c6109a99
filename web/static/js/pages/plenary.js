import { $ } from '../dom.js';
import { lang, state, t } from '../i18n.js';
import { LiveBoard } from '../live.js';
import { gridOf } from '../template.js';
import { buildGrid, showFocus } from '../grid.js';
import { showStatus } from '../status.js';
import { showTimer } from '../timer.js';
import { projectorLane } from '../proj/lanes.js';

/**
 * The plenary: every group's board side by side, live, for the closing discussion. The organiser's key opens
 * every board of the workshop, so there is one socket per board; each board shows notes or clusters as its
 * moderator chose for the projector.
 */
for (const board of state.boards) {
  const section = document.querySelector(`[data-board-id="${board.id}"]`);
  const live = new LiveBoard({ boardId: board.id, token: state.organiserKey, lang });
  const container = section.querySelector('.plenary-grid');
  let draw = null;
  let grid = null;
  showStatus(live, section.querySelector('.conn'));
  showTimer(live, section.querySelector('.timer'));
  live.addEventListener('change', () => {
    if (!live.board) return;
    if (!draw) {
      grid = gridOf(live.board.template);
      draw = buildGrid(container, grid, { renderLane: projectorLane({ grid, live }) });
    }
    section.querySelector('.stage').textContent = t(`stage.${live.board.stage}`);
    showFocus(container, grid, live.board.focus);
    draw(live.view());
  });
  live.start();
}

$('#fullscreen').addEventListener('click', toggle);
document.addEventListener('keydown', (event) => {
  if (event.key.toLowerCase() === 'f' && !event.ctrlKey && !event.metaKey && !event.altKey) toggle();
});

function toggle() {
  if (document.fullscreenElement) document.exitFullscreen();
  else document.documentElement.requestFullscreen?.().catch(() => {});
}
