import { $, h } from '../shared/dom.js';
import { t } from '../shared/i18n.js';
import { agendaTable } from '../shared/agendatable.js';
import { minutesBetween, stepName, whereWeAre } from '../shared/agenda.js';

/**
 * The moderator's run-sheet: the "Next step" button in the bar (key N) with the step that runs, and a panel with
 * the agenda's compact table, each step's planned against elapsed minutes, a button to start any step (going back
 * is allowed and recorded as a new start), and how far the session runs over or under its plan.
 */
export function bindAgenda(live, template, say) {
  const now = () => new Date(Date.now() + (live.clockOffset || 0)).toISOString();
  /** Minutes a step has run, all its starts together; null when it never started. */
  const elapsed = (index) => {
    const starts = (live.board?.agenda?.started || []).filter((s) => s.index === index);
    if (!starts.length) return null;
    return Math.round(starts.reduce((sum, s) => sum + minutesBetween(s.startedAt, s.endedAt || now()), 0) * 10) / 10;
  };
  const table = agendaTable($('#agenda-table'), {
    template,
    extraHead: t('agenda.colElapsed'),
    onSave: (steps) => {
      live.send('board.agenda', { steps });
      say(t('agenda.saved'));
    },
    extra: (step, i) => [
      h('span', { class: 'agenda-elapsed' }),
      h('button', { type: 'button', class: 'agenda-start', text: t('agenda.start'),
        'aria-label': t('agenda.startStep', { n: i + 1 }), onclick: () => start(i) }),
    ],
    refresh: (cell, i) => paintElapsed(cell, i),
  });

  function paintElapsed(cell, i) {
    const agenda = live.board?.agenda;
    const minutes = elapsed(i);
    const planned = agenda?.steps[i]?.minutes;
    const span = cell.querySelector('.agenda-elapsed');
    span.textContent = minutes == null ? '—' : t('agenda.elapsedOf', { elapsed: minutes, planned });
    span.classList.toggle('over', minutes != null && minutes > planned);
    cell.closest('tr').classList.toggle('is-current', agenda?.current === i && !endedNow());
  }

  function endedNow() {
    const started = live.board?.agenda?.started || [];
    return !started.length || Boolean(started[started.length - 1].endedAt);
  }

  function start(index) {
    live.send('board.step', { index });
    say(t('agenda.started', { title: stepName(live.board.agenda.steps[index], template) }));
  }

  function next() {
    const agenda = live.board?.agenda;
    if (!agenda?.steps.length || live.board.stage === 'closed') return;
    const index = agenda.current == null ? 0 : agenda.current + 1;
    if (index >= agenda.steps.length) {
      say(t('agenda.noMore'));
      return;
    }
    start(index);
  }

  /** Over or under the plan: ended steps by their whole difference, the running one only once it overran. */
  function balance() {
    const agenda = live.board?.agenda;
    let over = 0;
    for (const s of agenda?.started || []) {
      const planned = s.minutes ?? agenda.steps[s.index]?.minutes ?? 0;
      const ran = minutesBetween(s.startedAt, s.endedAt || now());
      over += s.endedAt ? ran - planned : Math.max(0, ran - planned);
    }
    return Math.round(over * 10) / 10;
  }

  $('#agenda-next').addEventListener('click', next);

  function paint() {
    const agenda = live.board?.agenda;
    if (!agenda) return;
    table.load(agenda.steps);
    table.tick();
    const here = whereWeAre(live.board);
    const index = agenda.current == null ? 0 : agenda.current + 1;
    const upcoming = agenda.steps[index];
    const button = $('#agenda-next');
    button.disabled = !upcoming || live.board.stage === 'closed';
    button.title = `${t('agenda.nextStep')} (N). ${upcoming ? t('agenda.nextIs', { n: index + 1, title: stepName(upcoming, template) }) : t('agenda.noMore')}`;
    $('#bar-agenda-value').textContent = here ? `${here.index + 1}/${here.total}` : `–/${agenda.steps.length}`;
    $('#agenda-now').textContent = here
      ? t('agenda.stepOf', { n: here.index + 1, total: here.total, title: stepName(here.step, template) })
      : t(agenda.proposed ? 'agenda.proposedHint' : 'agenda.notStarted');
    paintBalance();
  }

  function paintBalance() {
    const over = balance();
    $('#agenda-balance').textContent = !live.board.agenda.started.length ? ''
      : over > 0 ? t('agenda.over', { n: over }) : over < 0 ? t('agenda.under', { n: -over }) : t('agenda.onTime');
  }

  setInterval(() => {
    if (!live.board?.agenda) return;
    table.tick();
    paintBalance();
  }, 5000);
  live.addEventListener('rejected', ({ detail }) => {
    if (detail.entry?.op === 'board.agenda' || detail.entry?.op === 'board.step') table.showError(detail.error.message);
  });
  return { paint, next };
}
