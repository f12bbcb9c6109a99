import { $, h } from '../shared/dom.js';
import { t } from '../shared/i18n.js';
import { STATUSES, carriedLine, markCarried, originText, resultText, statusBadge } from '../action/plan.js';

const LIMITS = { title: 200, owner: 120, nextStep: 500 };

/**
 * The moderator's action plan: "Make an action" from a proposal (a note or cluster of an extra lane, or a line of
 * revealed results), and the plan panel where every field is edited in place (a change is sent when the field is
 * left or its value picked); the projector shows the plan on demand, and "Where we are" lists what this board
 * carried forward. A field being edited is never overwritten by a redraw. Returns `paint` and `makeAction`.
 */
export function bindActions({ live, ui, say, openPanel }) {
  const list = $('#action-list');

  function makeAction(source, name) {
    live.send('action.create', source);
    say(t('action.made', { name: name ?? '' }));
    openPanel?.('panel-actions');
  }

  const send = (action, field, value) => live.send('action.update', { actionId: action.id, [field]: value || null });

  function field(action, key, control, labelText) {
    const id = `action-${action.id}-${key}`;
    control.id = id;
    control.dataset.field = key;
    control.addEventListener('change', () => {
      const value = control.value.trim();
      if (key === 'title' && !value) {
        control.value = currentOf(action.id)?.title ?? '';
        say(t('action.titleNeeded'));
        return;
      }
      send(action, key, value);
    });
    return h('div', { class: `action-field action-${key}` }, h('label', { for: id, text: labelText }), control);
  }

  const currentOf = (id) => (live.board?.actions || []).find((a) => a.id === id);

  function row(action) {
    const title = h('input', { type: 'text', maxlength: LIMITS.title, autocomplete: 'off' });
    const status = h('select', {}, STATUSES.map((s) => h('option', { value: s, text: t(`action.status.${s}`) })));
    const owner = h('input', { type: 'text', maxlength: LIMITS.owner, autocomplete: 'off',
      placeholder: t('action.ownerHint') });
    const due = h('input', { type: 'date' });
    const next = h('textarea', { maxlength: LIMITS.nextStep, rows: 2 });
    const origin = h('p', { class: 'action-origin' });
    const remove = h('button', { type: 'button', class: 'danger-quiet', text: t('action.delete'),
      onclick: () => {
        const current = currentOf(action.id);
        live.send('action.delete', { actionId: action.id });
        say(t('action.deleted', { name: current?.title ?? '' }));
      } });
    const el = h('li', { class: 'action-row', dataset: { actionId: action.id } },
      field(action, 'title', title, t('action.field.title')),
      field(action, 'status', status, t('action.field.status')),
      field(action, 'owner', owner, t('action.field.owner')),
      field(action, 'due', due, t('action.field.due')),
      field(action, 'nextStep', next, t('action.field.nextStep')),
      h('div', { class: 'action-foot' }, origin, remove));
    remove.setAttribute('aria-label', `${t('action.delete')}: ${action.title}`);
    return el;
  }

  /** Puts the action's values into its row, leaving alone the field the moderator is typing in. */
  function fill(el, action) {
    for (const control of el.querySelectorAll('[data-field]')) {
      if (control === document.activeElement) continue;
      const value = action[control.dataset.field] ?? '';
      if (control.value !== value) control.value = value;
    }
    el.className = `action-row status-${action.status}`;
    const text = originText(live, action);
    const from = text === action.title ? null : text;
    const result = live.board ? resultText(live.board, action) : null;
    const origin = el.querySelector('.action-origin');
    origin.replaceChildren(statusBadge(action.status),
      from ? ` ${t('action.from')}: ${[from, result].filter(Boolean).join(' · ')}` : result ? ` ${t('action.vote')}: ${result}` : '');
    el.querySelector('.danger-quiet').setAttribute('aria-label', `${t('action.delete')}: ${action.title}`);
  }

  function paint() {
    const board = live.board;
    if (!board) return;
    const actions = board.actions || [];
    $('#bar-actions-count').textContent = String(actions.length);
    // planning follows the vote: the bar offers it from the voting stage on, or once there is a plan or a carried note
    const offered = board.stage === 'voting' || board.stage === 'closed' || actions.length > 0
      || (board.carried || []).length > 0;
    $('#bar-actions').hidden = !offered;
    if (!offered && !$('#panel-actions').hidden) {
      $('#panel-actions').hidden = true;
      $('#bar-actions').setAttribute('aria-expanded', 'false');
    }
    $('#actions-empty').hidden = actions.length > 0;
    const rows = new Map([...list.children].map((el) => [el.dataset.actionId, el]));
    actions.forEach((action, index) => {
      let el = rows.get(action.id);
      if (!el) el = row(action);
      rows.delete(action.id);
      fill(el, action);
      if (list.children[index] !== el) list.insertBefore(el, list.children[index] || null);
    });
    for (const stale of rows.values()) stale.remove();
    const view = board.settings?.view;
    $('#action-project').setAttribute('aria-pressed', String(view === 'actions'));
    const carried = board.carried || [];
    $('#carried-box').hidden = carried.length === 0;
    $('#action-where').setAttribute('aria-pressed', String(view === 'where'));
    $('#carried-list').replaceChildren(...carried.map((c) => h('li', {},
      h('span', { class: 'carried-text', text: live.notes.get(c.noteId)?.text ?? '…' }),
      h('span', { class: 'carried-origin', text: carriedLine(c) }))));
    markCarried($('#grid'), board);
  }

  $('#action-new').addEventListener('click', () => {
    const title = $('#action-new-title').value.trim();
    if (!title) {
      $('#action-new-title').focus();
      say(t('action.titleNeeded'));
      return;
    }
    live.send('action.create', { title });
    $('#action-new-title').value = '';
    say(t('action.made', { name: title }));
  });
  $('#action-new-title').addEventListener('keydown', (event) => {
    if (event.key === 'Enter') $('#action-new').click();
  });
  const project = (view) => {
    const shown = live.board?.settings?.view === view;
    live.send('board.settings', { view: shown ? 'notes' : view });
    say(t(shown ? 'action.projectorBoard' : view === 'where' ? 'action.projectorWhere' : 'action.projectorPlan'));
  };
  $('#action-project').addEventListener('click', () => project('actions'));
  $('#action-where').addEventListener('click', () => project('where'));
  /** The one proposal selected: a cluster, or a note of an extra lane (the improvements); else null. */
  const selected = () => {
    const one = ui.selectedNotes.length + ui.selectedClusters.length === 1;
    const cluster = one && ui.selectedClusters.length ? live.clusters.get(ui.selectedClusters[0]) : null;
    const note = one && ui.selectedNotes.length ? live.notes.get(ui.selectedNotes[0]) : null;
    if (cluster) return { source: { fromClusterId: cluster.id }, name: cluster.name };
    if (note && !note.lane.includes(':') && note.text) return { source: { fromNoteId: note.id }, name: note.text };
    return null;
  };
  const tool = $('#action-from-selection');
  tool.addEventListener('click', () => {
    const proposal = selected();
    if (proposal) makeAction(proposal.source, proposal.name);
    else say(t('action.selectOne'));
  });
  // the toolbar offers it only while one proposal is selected (the summary line changes with every selection)
  const paintTool = () => { tool.hidden = !selected(); };
  new MutationObserver(paintTool).observe($('#selection-summary'), { childList: true, characterData: true, subtree: true });
  paintTool();

  /** The note menu's entry, for a note of an extra lane (the improvements). */
  const menuItems = (note) => (note.lane.includes(':') || !note.text ? []
    : [{ key: 'action', text: t('action.make'), run: () => makeAction({ fromNoteId: note.id }, note.text) }]);

  /** The button on a line of revealed results. */
  const resultTool = (item, name) => h('button', { type: 'button', class: 'result-action', text: t('action.make'),
    'aria-label': `${t('action.make')}: ${name}`,
    onclick: () => makeAction(item.kind === 'cluster' ? { fromClusterId: item.id } : { fromNoteId: item.id }, name) });

  return { paint, menuItems, resultTool };
}
