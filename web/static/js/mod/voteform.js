import { $, h } from '../shared/dom.js';
import { t } from '../shared/i18n.js';
import { BUILT_IN_CRITERIA } from '../vote/rounds.js';

/**
 * The form that opens a round: lane, kind, budget and cap for dots, criteria with labels in both languages
 * (editable, more can be added) for ratings, anonymous and comments. It sends `vote.open`; the round appears
 * in the list when the server's event comes back.
 */
export function bindVoteForm(live, grid, say) {
  const form = $('#vote-form');
  const lane = $('#vote-lane');
  const list = $('#vote-criteria');
  let added = 0;

  lane.replaceChildren(...[...grid.lanes.values()].map((l) => h('option', { value: l.id, text: l.name })));
  if (grid.lanes.has('improvements')) lane.value = 'improvements';

  const kind = () => form.querySelector('input[name="vote-kind"]:checked').value;
  const showKind = () => {
    $('#vote-dots-fields').hidden = kind() !== 'dots';
    $('#vote-criteria-fields').hidden = kind() !== 'rating';
  };

  function criterionRow(key, labels) {
    added += 1;
    const n = added;
    const it = h('input', { type: 'text', id: `crit-it-${n}`, maxlength: 80, 'data-lang': 'it' });
    const en = h('input', { type: 'text', id: `crit-en-${n}`, maxlength: 80, 'data-lang': 'en' });
    it.value = labels?.it || '';
    en.value = labels?.en || '';
    const row = h('li', { class: 'criterion-row', dataset: { key: key || '' } },
      h('div', {}, h('label', { for: it.id, text: t('vote.labelIt') }), it),
      h('div', {}, h('label', { for: en.id, text: t('vote.labelEn') }), en),
      h('button', { type: 'button', class: 'danger', text: t('vote.removeCriterion'),
        'aria-label': t('vote.removeCriterionNamed', { name: en.value || it.value || n }),
        onclick: () => { row.remove(); $('#vote-add-criterion').focus(); } }));
    list.append(row);
    return row;
  }

  function criteria() {
    const taken = new Set();
    const out = [];
    for (const row of list.children) {
      const it = row.querySelector('[data-lang="it"]').value.trim();
      const en = row.querySelector('[data-lang="en"]').value.trim();
      if (!it && !en) continue;
      let key = row.dataset.key || slug(en || it);
      while (taken.has(key)) key = `${key.slice(0, 36)}-${taken.size + 1}`;
      taken.add(key);
      out.push({ key, labels: { it: it || en, en: en || it } });
    }
    return out;
  }

  /** Back to the defaults after each round, so anonymity is never carried over by mistake. */
  function reset() {
    form.reset();
    if (grid.lanes.has('improvements')) lane.value = 'improvements';
    list.replaceChildren();
    criterionRow('feasibility', BUILT_IN_CRITERIA.feasibility);
    criterionRow('sustainability', BUILT_IN_CRITERIA.sustainability);
    showKind();
  }

  form.addEventListener('change', (event) => {
    if (event.target.name === 'vote-kind') showKind();
  });
  $('#vote-add-impact').addEventListener('click', () => {
    if (list.querySelector('[data-key="impact"]')) return;
    criterionRow('impact', BUILT_IN_CRITERIA.impact).querySelector('input').focus();
  });
  $('#vote-add-criterion').addEventListener('click', () => criterionRow('', null).querySelector('input').focus());
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const error = $('#vote-form-error');
    error.textContent = '';
    const data = { lane: lane.value, kind: kind(), anonymous: $('#vote-anonymous').checked,
      comments: $('#vote-comments').checked };
    if (data.kind === 'dots') {
      data.budget = Math.round(Number($('#vote-budget-input').value));
      data.cap = Math.round(Number($('#vote-cap').value));
      if (!(data.budget >= 1 && data.budget <= 100 && data.cap >= 1 && data.cap <= data.budget)) {
        error.textContent = t('vote.badBudget');
        $('#vote-budget-input').focus();
        return;
      }
    } else {
      data.criteria = criteria();
      if (!data.criteria.length || data.criteria.length > 6) {
        error.textContent = t('vote.badCriteria');
        $('#vote-add-criterion').focus();
        return;
      }
    }
    live.send('vote.open', data);
    say(t('vote.opening'));
    $('#vote-new').open = false;
    // the form folds away with the focused button: the focus stays on its disclosure, the round appears below
    $('#vote-new summary').focus();
    reset();
  });
  reset();
}

/** A criterion key from its label: "Costo per la famiglia" → "costo-per-la-famiglia". */
function slug(text) {
  const base = text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
    .replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 36);
  return /^[a-z]/.test(base) ? base : `c-${base}`.slice(0, 36).replace(/-+$/, '') || 'criterion';
}
