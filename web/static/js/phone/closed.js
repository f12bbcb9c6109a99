import { $, h } from '../shared/dom.js';
import { t } from '../shared/i18n.js';
import { resultsList } from '../vote/results.js';

/**
 * A closed board's page: the board's name, a thank-you and every revealed vote, read-only. `source` names the
 * items (a live board, or the names the server sent); `mineOf(round)` is this phone's ballot, if it voted.
 */
export function showClosed(closed, source, rounds = [], mineOf = () => null) {
  $('#closed-view').hidden = !closed;
  $('#board-view').hidden = closed;
  if (!closed) return;
  const revealed = rounds.filter((round) => round.status === 'revealed' && round.results);
  const box = $('#closed-results');
  const key = JSON.stringify(revealed.map((round) => [round.id, round.results, [...(mineOf(round) || new Map())]]));
  if (box.dataset.key === key) return;
  box.dataset.key = key;
  if (!revealed.length) {
    box.replaceChildren(h('p', { text: t('closed.noResults') }));
    return;
  }
  box.replaceChildren(...revealed.map((round, i) => h('section', { class: 'closed-round' },
    h('h2', { text: revealed.length > 1 ? t('closed.roundN', { n: i + 1 }) : t('vote.heading.revealed') }),
    resultsList(source, round, { mine: mineOf(round), comments: round.comments }))));
}

/** The names of a closed board's vote items, as the server sent them, in the shape a live board has. */
export function namesSource(names = {}) {
  const clusters = new Map();
  const notes = new Map();
  for (const [id, name] of Object.entries(names)) {
    clusters.set(id, { name });
    notes.set(id, { text: name });
  }
  return { clusters, notes };
}

/** This phone's ballot on a round from the server's snapshot, as results.js reads it; null when it has none. */
export function snapshotBallot(round) {
  if (!round.myBallot) return null;
  return new Map(round.myBallot.map((cast) => [cast.itemId, cast]));
}
