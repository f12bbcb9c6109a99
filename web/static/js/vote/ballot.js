import { $, h, syncList } from '../shared/dom.js';
import { label, t } from '../shared/i18n.js';
import { ballotOf, currentRound, itemLabel, spent } from './rounds.js';
import { resultsList } from './results.js';
import { say as tell } from '../phone/phone.js';

/**
 * The phone's ballot: while a round is open, every proposal with big +/- buttons (dots, the remaining budget
 * always in sight) or 1-to-5 choices per criterion (ratings), and an optional comment when the round collects
 * them (either kind); votes can change until the round closes. Casts go through the live board's outbox, so they
 * wait out a dropped connection and are resent with the same opId. After the reveal, the ranked results with what this phone gave.
 */
export function bindBallot(live) {
  const view = $('#vote-view');
  const say = (message) => tell($('#vote-status'), message);
  let shownRound = null;
  const opened = new Set();
  const comments = new Map();

  /** A cluster's notes behind a disclosure, so a voter can read what a proposal holds; it stays open across votes. */
  function clusterNotes(item) {
    if (item.kind !== 'cluster') return null;
    const cluster = live.clusters.get(item.id);
    const notes = (cluster?.noteIds || []).map((id) => live.notes.get(id))
      .filter((note) => note && note.text && (!note.hidden || note.mine));
    if (!notes.length) return null;
    const details = h('details', { class: 'cluster-notes', open: opened.has(item.id),
      ontoggle: () => (details.open ? opened.add(item.id) : opened.delete(item.id)) },
    h('summary', { text: t('vote.clusterNotes', { n: notes.length }) }),
    h('ul', {}, notes.map((note) => h('li', { text: note.text }))));
    return details;
  }

  const notesOf = (item) => (item.kind === 'cluster'
    ? (live.clusters.get(item.id)?.noteIds || []).map((id) => live.notes.get(id)?.text ?? '') : null);

  const cast = (round, itemId, data) => live.send('vote.cast', { roundId: round.id, itemId, ...data });

  function dotsItem(round, item, name, mine, remaining) {
    const dots = mine?.dots || 0;
    const open = round.status === 'open';
    const canAdd = open && dots < round.cap && remaining > 0;
    const note = commentBox(round, item, mine);
    const send = (n) => cast(round, item.id, { dots: n, ...commentOf(note) });
    const add = () => {
      if (!open) return;
      if (dots >= round.cap) say(t('vote.capReached', { cap: round.cap }));
      else if (remaining <= 0) say(t('vote.noDotsLeft'));
      else { say(''); send(dots + 1); }
    };
    const remove = () => { if (open && dots > 0) { say(''); send(dots - 1); } };
    return h('li', { class: 'ballot-item', dataset: { itemId: item.id } },
      h('p', { class: 'item-label', text: name }),
      clusterNotes(item),
      h('div', { class: 'dots-row' },
        h('button', { type: 'button', class: 'dot-button dot-minus', 'aria-label': t('vote.removeDot', { name }),
          'aria-disabled': String(!(open && dots > 0)), onclick: remove, text: '−' }),
        h('p', { class: 'dots-count' },
          h('span', { class: 'pips', 'aria-hidden': 'true',
            text: '●'.repeat(dots) + '○'.repeat(Math.max(0, round.cap - dots)) }),
          h('span', { class: 'dots-words', text: t('vote.dotsOf', { n: dots, cap: round.cap }) })),
        h('button', { type: 'button', class: 'dot-button dot-plus primary', 'aria-label': t('vote.addDot', { name }),
          'aria-disabled': String(!canAdd), onclick: add, text: '+' })),
      commentField(note, name, open, () => send(dots)),
      sendState(mine));
  }

  /** The comment box of a round that collects comments (dots or ratings); null otherwise. */
  function commentBox(round, item, mine) {
    if (!round.comments) return null;
    const note = h('textarea', { id: `comment-${item.id}`, maxlength: 500, rows: 2, disabled: round.status !== 'open' });
    // what was typed survives the redraw an ack of another vote causes
    note.value = comments.get(item.id) ?? mine?.comment ?? '';
    note.addEventListener('input', () => comments.set(item.id, note.value));
    return note;
  }

  const commentOf = (note) => (note ? { comment: note.value.trim() || null } : {});

  function commentField(note, name, open, save) {
    if (!note) return null;
    return h('div', { class: 'comment-field' },
      h('label', { for: note.id, text: t('vote.comment') }), note,
      h('button', { type: 'button', disabled: !open, text: t('vote.saveComment'),
        'aria-label': `${t('vote.saveComment')}: ${name}`, onclick: save }));
  }

  function ratingItem(round, item, name, mine) {
    const open = round.status === 'open';
    const scores = mine?.scores || {};
    const note = commentBox(round, item, mine);
    const send = (changed) => cast(round, item.id, { scores: { ...scores, ...changed }, ...commentOf(note) });
    return h('li', { class: 'ballot-item', dataset: { itemId: item.id } },
      h('p', { class: 'item-label', text: name }),
      clusterNotes(item),
      round.criteria.map((criterion) => h('fieldset', { class: 'score-picker' },
        h('legend', { text: label(criterion) }),
        h('div', { class: 'score-choices' }, [1, 2, 3, 4, 5].map((value) => h('label', { class: 'score-choice' },
          h('input', { type: 'radio', name: `s-${item.id}-${criterion.key}`, value, disabled: !open,
            checked: scores[criterion.key] === value,
            'aria-label': t('vote.scoreOf', { value, criterion: label(criterion), name }),
            onchange: () => send({ [criterion.key]: value }) }),
          h('span', { 'aria-hidden': 'true', text: String(value) })))))),
      commentField(note, name, open, () => send({})),
      sendState(mine));
  }

  function sendState(mine) {
    if (!mine) return h('p', { class: 'send-state', text: t('vote.notYet') });
    const state = mine.pending ? 'pending' : 'sent';
    return h('p', { class: `send-state send-${state}`, dataset: { sendState: state },
      text: t(mine.pending ? 'note.pending' : 'vote.saved') });
  }

  return function paint() {
    const round = currentRound(live.board);
    view.hidden = !round;
    if (!round) return;
    if (shownRound !== `${round.id}:${round.status}`) {
      shownRound = `${round.id}:${round.status}`;
      say('');
    }
    const ballot = ballotOf(live, round);
    const revealed = round.status === 'revealed';
    const remaining = round.kind === 'dots' ? round.budget - spent(ballot) : 0;
    $('#vote-heading').textContent = t(`vote.heading.${round.status}`);
    $('#vote-intro').textContent = revealed ? t('vote.resultsIntro')
      : round.status === 'closed' ? t('vote.closedIntro')
        : round.kind === 'dots' ? t('vote.dotsIntro', { budget: round.budget, cap: round.cap }) : t('vote.ratingIntro');
    const budget = $('#vote-budget');
    budget.hidden = revealed || round.kind !== 'dots';
    budget.textContent = t('vote.dotsLeft', { n: remaining, budget: round.budget });
    budget.dataset.left = String(remaining);
    const list = $('#ballot');
    const results = $('#vote-results');
    list.hidden = revealed;
    results.hidden = !revealed;
    if (revealed) {
      const key = JSON.stringify([round.id, round.results, [...ballot.entries()]]);
      if (results.dataset.key !== key) {
        results.dataset.key = key;
        results.replaceChildren(resultsList(live, round, { mine: ballot, comments: round.comments }));
      }
      return;
    }
    const items = round.items.map((item) => ({ item, name: itemLabel(live, round, item), mine: ballot.get(item.id) }));
    // a new round replaces the ballot under the voter's focus: it goes to the new ballot, not the page's body
    const focusedHere = list.contains(document.activeElement);
    syncList(list, items, ({ item }) => `${round.id}:${item.id}`,
      ({ item, name, mine }) => JSON.stringify([round.status, name, mine, round.kind === 'dots' && remaining > 0,
        notesOf(item)]),
      ({ item, name, mine }) => (round.kind === 'dots' ? dotsItem(round, item, name, mine, remaining)
        : ratingItem(round, item, name, mine)));
    if (focusedHere && document.activeElement === document.body) list.querySelector('button, input, textarea')?.focus();
  };
}

/** A cast the server refused (the round closed meanwhile, or the budget was spent from another phone). */
export function ballotRejected(live, detail) {
  if (detail.entry.op !== 'vote.cast') return false;
  tell($('#vote-status'), t('vote.rejected', { message: detail.error.message }));
  if (detail.error.code === 'conflict') live.refresh();
  return true;
}
