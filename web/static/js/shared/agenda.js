import { label, t } from './i18n.js';

/**
 * The run-sheet as a client keeps it: `board.agenda` ({steps, current, started, proposed}) kept up by the
 * `board.agendaSet` and `board.stepped` events, and the words a screen shows for it.
 */
export function applyAgendaEvent(board, event, data, at) {
  const agenda = board.agenda || (board.agenda = { steps: [], current: null, started: [], proposed: false });
  if (event === 'board.agendaSet') {
    agenda.steps = data.steps;
    agenda.proposed = false;
    return;
  }
  const startedAt = data.startedAt || at;
  for (const start of agenda.started) if (!start.endedAt) start.endedAt = startedAt;
  const step = agenda.steps[data.index] || {};
  agenda.started.push({ index: data.index, startedAt, endedAt: null, title: step.title ?? null,
    phase: step.phase ?? null, stage: step.stage, minutes: step.minutes });
  agenda.current = data.index;
  agenda.proposed = false;
}

/** A step's name: its title, else its phase's label, else its stage. */
export function stepName(step, template) {
  if (!step) return '';
  if (step.title) return step.title;
  const phase = step.phase && (template.phases || []).find((p) => p.key === step.phase);
  return phase ? label(phase) : t(`stage.${step.stage}`);
}

/** What runs and what comes next: {index, step, next, ended} or null before the first step. */
export function whereWeAre(board) {
  const agenda = board?.agenda;
  if (!agenda || agenda.current == null) return null;
  const last = agenda.started[agenda.started.length - 1];
  const step = last && last.index === agenda.current ? { ...agenda.steps[agenda.current], ...pick(last) } : agenda.steps[agenda.current];
  return { index: agenda.current, step, next: agenda.steps[agenda.current + 1] || null, ended: Boolean(last?.endedAt),
    total: agenda.steps.length };
}

function pick(start) {
  const out = {};
  for (const key of ['title', 'phase', 'stage', 'minutes']) if (start[key] != null) out[key] = start[key];
  return out;
}

/**
 * The one line projector and phones show: "Step 3 of 8: Custody · Next: Removal", on the projector's one-row bar
 * the compact "3/8 Custody → Removal" (the timer beside it says the time left). Hidden before the first step and on
 * a closed board.
 */
export function paintStepLine(element, board, template, { compact = false } = {}) {
  const here = whereWeAre(board);
  const show = Boolean(here) && board.stage !== 'closed';
  element.hidden = !show;
  document.body.classList.toggle('has-step', show);
  if (!show) return;
  const now = { n: here.index + 1, total: here.total, title: stepName(here.step, template) };
  element.querySelector('.step-now').textContent = t(compact ? 'agenda.stepShort' : 'agenda.stepOf', now);
  element.querySelector('.step-next').textContent = here.next
    ? t(compact ? 'agenda.nextShort' : 'agenda.next', { title: stepName(here.next, template) }) : t('agenda.last');
  element.title = `${t('agenda.stepOf', now)} ${element.querySelector('.step-next').textContent}`;
}

/** Minutes between two instants, to a tenth. */
export function minutesBetween(from, to) {
  return Math.round((Date.parse(to) - Date.parse(from)) / 6000) / 10;
}
