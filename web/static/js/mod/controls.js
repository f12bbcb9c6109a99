import { $, h } from '../shared/dom.js';
import { label, t } from '../shared/i18n.js';
import { showTimer } from '../shared/timer.js';

/**
 * The session controls above the grid: stage, focus, timer, settings with the reveal, the projector's view, QR
 * and spotlight, and undo. Each control sends one op; what it shows always comes from the board as the server
 * last said, so two moderators see the same state.
 */
export function bindControls(live, grid, describe) {
  const send = (op, data) => live.send(op, data);
  const settings = () => live.board?.settings || {};

  for (const button of document.querySelectorAll('#stage-buttons button')) {
    button.addEventListener('click', () => send('board.stage', { stage: button.dataset.stage }));
  }
  const focus = $('#focus-phase');
  focus.replaceChildren(h('option', { value: '', text: t('modbar.noFocus') }),
    ...grid.phases.map((phase, i) => h('option', { value: phase.key, text: `${i + 1}. ${label(phase)}` })));
  focus.addEventListener('change', () => send('board.focus', { phase: focus.value || null }));

  const minutes = $('#timer-minutes');
  $('#timer-start').addEventListener('click', () => {
    const m = Math.min(180, Math.max(1, Math.round(Number(minutes.value) || 15)));
    send('board.timer', { action: 'start', seconds: m * 60 });
  });
  $('#timer-pause').addEventListener('click', () => send('board.timer', { action: 'pause' }));
  $('#timer-resume').addEventListener('click', () => send('board.timer', { action: 'resume' }));
  $('#timer-add1').addEventListener('click', () => send('board.timer', { action: 'add', seconds: 60 }));
  $('#timer-add5').addEventListener('click', () => send('board.timer', { action: 'add', seconds: 300 }));
  $('#timer-stop').addEventListener('click', () => send('board.timer', { action: 'stop' }));
  showTimer(live, $('#timer'), { announce: true });

  for (const box of document.querySelectorAll('[data-setting]')) {
    box.addEventListener('change', () => send('board.settings', { [box.dataset.setting]: box.checked }));
  }
  $('#reveal').addEventListener('click', () => send('board.reveal', {}));
  for (const button of document.querySelectorAll('#view-buttons button')) {
    button.addEventListener('click', () => send('board.settings', { view: button.dataset.view }));
  }
  $('#spotlight-clear').addEventListener('click', () => send('board.settings', { spotlight: null }));
  $('#undo').addEventListener('click', () => send('undo', {}));

  return function paint() {
    const board = live.board;
    if (!board) return;
    for (const button of document.querySelectorAll('#stage-buttons button')) {
      button.setAttribute('aria-pressed', String(button.dataset.stage === board.stage));
    }
    $('#bar-stage-value').textContent = t(`stage.${board.stage}`);
    if (!live.outbox.some((entry) => entry.op === 'board.focus')) focus.value = board.focus || '';
    const s = settings();
    // a setting whose op is still on its way keeps what the moderator just chose
    const pending = new Set(live.outbox.filter((entry) => entry.op === 'board.settings')
      .flatMap((entry) => Object.keys(entry.data)));
    for (const box of document.querySelectorAll('[data-setting]')) {
      if (!pending.has(box.dataset.setting)) box.checked = Boolean(s[box.dataset.setting]);
    }
    $('#reveal').disabled = !s.hideNotes || s.revealed;
    $('#reveal').textContent = s.hideNotes && s.revealed ? t('ctl.revealed') : t('ctl.reveal');
    for (const button of document.querySelectorAll('#view-buttons button')) {
      button.setAttribute('aria-pressed', String(button.dataset.view === (s.view || 'notes')));
    }
    const timer = board.timer;
    $('#timer-pause').disabled = !timer?.running;
    $('#timer-resume').disabled = !timer || timer.running || !timer.remaining;
    $('#timer-add1').disabled = !timer;
    $('#timer-add5').disabled = !timer;
    $('#timer-stop').disabled = !timer;
    $('#spotlight-state').textContent = s.spotlight ? t('ctl.spotlightOn', { what: describe(s.spotlight) })
      : t('ctl.spotlightOff');
    $('#spotlight-clear').disabled = !s.spotlight;
  };
}

/** Projector and session shortcuts, ignored while typing or while a dialog is open. */
export function bindShortcuts(live, actions) {
  document.addEventListener('keydown', (event) => {
    const target = event.target;
    if (target.closest('input, textarea, select, dialog, [contenteditable]')) return;
    const s = live.board?.settings || {};
    if ((event.ctrlKey || event.metaKey) && !event.shiftKey && event.key.toLowerCase() === 'z') {
      event.preventDefault();
      live.send('undo', {});
      return;
    }
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const key = event.key.toLowerCase();
    if (key === 'v') live.send('board.settings', { view: s.view === 'clusters' ? 'notes' : 'clusters' });
    else if (key === 'q') live.send('board.settings', { showQr: !s.showQr });
    else if (key === 'x') live.send('board.settings', { spotlight: null });
    else if (actions[key]) actions[key](event);
    else return;
    event.preventDefault();
  });
}
