import { $ } from '../dom.js';
import { lang, state } from '../i18n.js';
import { LiveBoard } from '../live.js';
import { gridOf } from '../template.js';
import { buildGrid, showFocus } from '../grid.js';
import { showStatus } from '../status.js';

const grid = gridOf(state.template);
const container = $('#grid');
const draw = buildGrid(container, grid);
const live = new LiveBoard({ boardId: state.boardId, token: state.key, lang }).start();

showStatus(live, $('#conn'));
live.addEventListener('change', () => {
  if (live.board) showFocus(container, grid, live.board.focus);
  draw(live.view());
});
live.addEventListener('presence', (event) => {
  $('#participants').textContent = String(event.detail.participants ?? 0);
});
live.addEventListener('fatal', (event) => {
  $('#conn').textContent = event.detail.message;
});
