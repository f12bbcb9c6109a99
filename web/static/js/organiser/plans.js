import { $, h } from '../shared/dom.js';
import { state, t } from '../shared/i18n.js';
import { dueDate } from '../action/plan.js';

/**
 * The organiser page's action plans: every group's actions in one table per group (read from
 * /api/workshops/{id}/actions), and the public progress link, made (shown once) or withdrawn.
 */
const workshopId = state.workshop.id;
const auth = { Authorization: `Bearer ${state.organiserKey}` };

async function load() {
  const response = await fetch(`/api/workshops/${workshopId}/actions`, { headers: auth });
  if (!response.ok) return;
  const { actions } = await response.json();
  if (!actions.length) return;
  const groups = new Map();
  for (const action of actions) {
    if (!groups.has(action.groupId)) groups.set(action.groupId, { name: action.group, actions: [] });
    groups.get(action.groupId).actions.push(action);
  }
  const head = () => h('thead', {}, h('tr', {}, ['action.field.title', 'action.field.status', 'action.field.owner',
    'action.field.due', 'action.field.nextStep', 'action.report.proposal'].map((key) => h('th', { scope: 'col', text: t(key) }))));
  $('#action-plans-body').replaceChildren(...[...groups.values()].flatMap((group) => [
    h('h3', { text: group.name.toLowerCase().startsWith(t('action.progress.group').toLowerCase()) ? group.name
      : `${t('action.progress.group')} ${group.name}` }),
    h('table', { class: 'plan-table' }, head(), h('tbody', {}, group.actions.map((a) => h('tr', {},
      h('th', { scope: 'row', text: a.title }),
      h('td', { text: t(`action.status.${a.status}`) }),
      h('td', { text: a.owner ?? '' }),
      h('td', { text: dueDate(a.due) }),
      h('td', { text: a.nextStep ?? '' }),
      h('td', { text: [a.proposal, a.voteResult?.text].filter(Boolean).join(' · ') })))))]));
}

async function link(method) {
  const response = await fetch(`/api/workshops/${workshopId}/progress-link`, { method, headers: auth });
  if (!response.ok) return;
  if (method === 'POST') {
    const { url } = await response.json();
    const full = new URL(url, location.href).href;
    $('#progress-status').replaceChildren(t('action.org.linkMade'), ' ', h('a', { href: full, text: full }));
  } else {
    $('#progress-status').textContent = t('action.org.linkRevoked');
  }
}

$('#progress-make').addEventListener('click', () => link('POST'));
$('#progress-revoke').addEventListener('click', () => link('DELETE'));
load();
