import { h } from './dom.js';
import { label, t } from './i18n.js';

const STAGES = ['collecting', 'clustering', 'voting'];

/**
 * The compact table that edits a run-sheet: one row per step with its title, phase, stage and minutes, rows added,
 * moved and removed, and a save button. `extra(row, index)` may add a cell per row (the moderator's planned against
 * elapsed and "start"). While the table is edited, new agendas from the server wait until it is saved or reset.
 */
export function agendaTable(root, { template, onSave, extra = () => null, refresh = () => {}, extraHead = null }) {
  let steps = [];
  let dirty = false;
  const body = h('tbody');
  const error = h('p', { class: 'alert', role: 'alert' });
  const table = h('table', { class: 'agenda-table' },
    h('caption', { class: 'sr-only', text: t('agenda.title') }),
    h('thead', {}, h('tr', {},
      h('th', { scope: 'col', text: '#' }),
      h('th', { scope: 'col', text: t('agenda.colTitle') }),
      h('th', { scope: 'col', text: t('agenda.colPhase') }),
      h('th', { scope: 'col', text: t('agenda.colStage') }),
      h('th', { scope: 'col', text: t('agenda.colMinutes') }),
      extraHead && h('th', { scope: 'col', text: extraHead }),
      h('th', { scope: 'col' }, h('span', { class: 'sr-only', text: t('agenda.colActions') })))),
    body);
  const total = h('span', { class: 'agenda-total' });
  const save = h('button', { type: 'button', class: 'primary', text: t('agenda.save'), onclick: () => submit() });
  const reset = h('button', { type: 'button', text: t('agenda.reset'), onclick: () => { dirty = false; draw(); } });
  const add = h('button', { type: 'button', text: `+ ${t('agenda.addStep')}`, onclick: () => {
    read();
    steps.push({ title: '', phase: null, stage: 'collecting', minutes: 10 });
    dirty = true;
    draw();
    body.lastElementChild?.querySelector('input')?.focus();
  } });
  root.replaceChildren(h('div', { class: 'agenda-scroll' }, table), h('div', { class: 'row agenda-actions' }, add, save, reset, total), error);

  function phaseSelect(step, n) {
    return h('select', { 'aria-label': t('agenda.phaseOf', { n }), class: 'agenda-phase' },
      h('option', { value: '', text: t('agenda.noPhase'), selected: !step.phase }),
      ...(template.phases || []).map((p) => h('option', { value: p.key, text: label(p), selected: step.phase === p.key })));
  }

  function draw() {
    body.replaceChildren(...steps.map((step, i) => {
      const n = i + 1;
      const row = h('tr', { dataset: { index: i } },
        h('td', { class: 'agenda-n', text: n }),
        h('td', {}, h('input', { type: 'text', class: 'agenda-title', maxlength: 80, value: step.title ?? '',
          'aria-label': t('agenda.titleOf', { n }), oninput: () => { dirty = true; } })),
        h('td', {}, phaseSelect(step, n)),
        h('td', {}, h('select', { class: 'agenda-stage', 'aria-label': t('agenda.stageOf', { n }) },
          ...STAGES.map((s) => h('option', { value: s, text: t(`stage.${s}`), selected: step.stage === s })))),
        h('td', {}, h('input', { type: 'number', class: 'agenda-minutes', min: 1, max: 240, value: step.minutes,
          inputmode: 'numeric', 'aria-label': t('agenda.minutesOf', { n }) })),
        extraHead && h('td', { class: 'agenda-extra' }, extra(step, i)),
        h('td', { class: 'agenda-row-actions' },
          h('button', { type: 'button', class: 'icon', 'aria-label': t('agenda.up', { n }), title: t('agenda.up', { n }), text: '↑',
            disabled: i === 0, onclick: () => move(i, -1) }),
          h('button', { type: 'button', class: 'icon', 'aria-label': t('agenda.remove', { n }), title: t('agenda.remove', { n }), text: '×',
            disabled: steps.length === 1, onclick: () => { read(); steps.splice(i, 1); dirty = true; draw(); } })));
      row.addEventListener('change', () => { dirty = true; });
      return row;
    }));
    total.textContent = t('agenda.totalPlanned', { n: steps.reduce((sum, s) => sum + (Number(s.minutes) || 0), 0) });
  }

  function move(i, by) {
    read();
    const [step] = steps.splice(i, 1);
    steps.splice(i + by, 0, step);
    dirty = true;
    draw();
  }

  /** The steps as the table shows them now. */
  function read() {
    steps = [...body.rows].map((row) => ({
      title: row.querySelector('.agenda-title').value.trim() || null,
      phase: row.querySelector('.agenda-phase').value || null,
      stage: row.querySelector('.agenda-stage').value,
      minutes: Number(row.querySelector('.agenda-minutes').value),
    }));
    return steps;
  }

  function submit() {
    const wanted = read();
    const bad = wanted.findIndex((s) => !Number.isInteger(s.minutes) || s.minutes < 1 || s.minutes > 240);
    if (bad >= 0) {
      error.textContent = t('agenda.badMinutes', { n: bad + 1 });
      body.rows[bad].querySelector('.agenda-minutes').focus();
      return;
    }
    error.textContent = '';
    dirty = false;
    onSave(wanted.map((s) => ({ ...(s.title ? { title: s.title } : {}), phase: s.phase, stage: s.stage, minutes: s.minutes })));
  }

  return {
    /** Shows the server's agenda unless the table holds unsaved changes. */
    load(next) {
      if (dirty) return;
      steps = (next || []).map((s) => ({ ...s }));
      draw();
    },
    /** Redraws the extra cells only (elapsed times tick), keeping what is being typed. */
    tick() {
      for (const row of body.rows) {
        const cell = row.querySelector('.agenda-extra');
        const i = Number(row.dataset.index);
        if (cell) refresh(cell, i);
      }
    },
    showError(message) { error.textContent = message; },
  };
}
