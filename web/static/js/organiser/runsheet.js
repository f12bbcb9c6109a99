import { $, h } from '../shared/dom.js';
import { state, t } from '../shared/i18n.js';
import { agendaTable } from '../shared/agendatable.js';
import { stepName } from '../shared/agenda.js';

const REFRESH_MS = 10000;

/**
 * The organiser's run-sheet panel: one agenda for every group (the first group's is shown and edited), where each
 * group is, "Next step for all groups" and a start button per step; each action is one lockstep request.
 */
export function bindRunsheet() {
  const root = $('#runsheet');
  if (!root) return;
  const api = `/api/workshops/${state.workshop.id}`;
  const headers = { 'Content-Type': 'application/json', Authorization: `Bearer ${state.organiserKey}` };
  let view = null;
  let table = null;

  const tell = (message) => { $('#runsheet-status').textContent = message; };

  async function call(path, body) {
    const response = await fetch(`${api}${path}`, { method: 'POST', headers, body: JSON.stringify({ ...body, opId: crypto.randomUUID() }) });
    const answer = await response.json().catch(() => ({}));
    if (!response.ok) {
      tell(answer.error?.message || String(response.status));
      return;
    }
    const skipped = answer.skipped.map((b) => b.name);
    tell([t(path === '/agenda' ? 'agenda.org.saved' : 'agenda.org.done', { n: answer.boards.length }),
      skipped.length ? t('agenda.org.skipped', { names: skipped.join(', ') }) : ''].filter(Boolean).join(' '));
    await load();
  }

  /** The next step for all: the one after the furthest any open group has gone. */
  function nextIndex() {
    const open = view.boards.filter((b) => b.stage !== 'closed');
    const reached = Math.max(-1, ...open.map((b) => b.agenda.current ?? -1));
    return reached + 1;
  }

  function paint() {
    const first = view.boards[0];
    if (!first) return;
    const steps = first.agenda.steps;
    if (!table) {
      table = agendaTable($('#runsheet-table'), {
        template: view.template,
        extraHead: t('agenda.org.startAll'),
        onSave: (wanted) => call('/agenda', { steps: wanted }),
        extra: (step, i) => h('button', { type: 'button', text: t('agenda.start'),
          'aria-label': t('agenda.org.startAllStep', { n: i + 1 }), onclick: () => call('/step', { index: i }) }),
      });
    }
    table.load(steps);
    const same = view.boards.every((b) => JSON.stringify(b.agenda.steps) === JSON.stringify(steps));
    $('#runsheet-differs').hidden = same;
    $('#runsheet-where').replaceChildren(...view.boards.map((b) => h('li', {
      text: b.stage === 'closed' ? t('agenda.org.closedGroup', { group: b.name })
        : b.agenda.current == null ? t('agenda.org.notStartedGroup', { group: b.name })
          : t('agenda.org.stepOfGroup', { group: b.name, n: b.agenda.current + 1, total: b.agenda.steps.length })
            + ` · ${stepName(b.agenda.steps[b.agenda.current], view.template)}`,
    })));
    const index = nextIndex();
    const button = $('#runsheet-next');
    button.disabled = index >= steps.length;
    $('#runsheet-next-what').textContent = steps[index] ? t('agenda.nextIs', { n: index + 1, title: stepName(steps[index], view.template) }) : t('agenda.noMore');
  }

  async function load() {
    const response = await fetch(`${api}/agenda`, { headers });
    if (!response.ok) return;
    view = await response.json();
    paint();
  }

  $('#runsheet-next').addEventListener('click', () => call('/step', { index: nextIndex() }));
  load();
  setInterval(load, REFRESH_MS);
}
