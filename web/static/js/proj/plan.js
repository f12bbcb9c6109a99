import { $, h } from '../shared/dom.js';
import { t } from '../shared/i18n.js';
import { carriedLine, dueDate, originText, resultText, statusBadge } from '../action/plan.js';

/** Text sizes to try, largest first; the smallest is still 20px on a 1920x1080 screen. */
const SIZES = ['2rem', '1.8rem', '1.6rem', '1.45rem', '1.3rem', '1.2rem', '1.1rem'];

/**
 * The group's action plan on the projector, in place of the board: while the board is closed (when it has any
 * action) and whenever the moderator asks for it; or "Where we are", what this board carried forward from earlier
 * workshops. Returns `paint`; true when it took the screen.
 */
export function projectorPlan(live) {
  let shownKey = null;

  function planBody(board) {
    const actions = board.actions || [];
    if (!actions.length) return [h('p', { class: 'plan-empty', text: t('action.none') })];
    return [h('ol', { class: 'plan-cards' }, actions.map((action) => {
      const text = originText(live, action);
      const from = text === action.title ? null : text;
      const result = resultText(board, action);
      const facts = [action.owner, action.due ? t('action.dueOn', { date: dueDate(action.due) }).replace(/ /g, '\u00a0') : null].filter(Boolean);
      return h('li', { class: `plan-card status-${action.status}` },
        h('p', { class: 'plan-card-title', text: action.title }),
        h('p', { class: 'plan-card-facts' }, statusBadge(action.status), facts.length ? ` ${facts.join(' · ')}` : ''),
        action.nextStep ? h('p', { class: 'plan-card-next', text: `${t('action.field.nextStep')}: ${action.nextStep}` })
          : null,
        from || result ? h('p', { class: 'plan-card-origin', text: from
          ? `${t('action.from')}: ${[from, result].filter(Boolean).join(' · ')}` : `${t('action.vote')}: ${result}` })
          : null);
    }))];
  }

  function whereBody(board) {
    return [h('ol', { class: 'plan-cards where-cards' }, (board.carried || []).map((c) => h('li', { class: 'plan-card' },
      h('p', { class: 'plan-card-title', text: live.notes.get(c.noteId)?.text ?? '…' }),
      h('p', { class: 'plan-card-origin', text: carriedLine(c) }))))];
  }

  function fit(box) {
    for (const size of SIZES) {
      box.style.setProperty('--plan-size', size);
      if (box.scrollHeight <= box.clientHeight + 1) return;
    }
  }

  // the vote board repaints itself on presence frames; the plan, when it has the screen, keeps it
  live.addEventListener('presence', () => paint());
  return paint;

  function paint() {
    const board = live.board;
    const panel = $('#plan-board');
    if (!board) return false;
    const view = board.settings?.view;
    const where = view === 'where' && (board.carried || []).length > 0;
    const plan = !where && (view === 'actions' || (board.stage === 'closed' && (board.actions || []).length > 0));
    panel.hidden = !(where || plan);
    if (panel.hidden) {
      shownKey = null;
      return false;
    }
    $('#grid').hidden = true;
    $('#vote-board').hidden = true;
    const key = JSON.stringify([where, board.actions, board.carried, board.rounds?.map((r) => r.status)]);
    if (key !== shownKey) {
      shownKey = key;
      $('#plan-board-heading').textContent = where ? t('action.where') : t('action.panel');
      const box = $('#plan-board-body');
      box.replaceChildren(...(where ? whereBody(board) : planBody(board)));
      fit(box);
    }
    return true;
  }
}
