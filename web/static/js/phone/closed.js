import { $, h } from '../shared/dom.js';
import { t } from '../shared/i18n.js';
import { resultsList } from '../vote/results.js';
import { fittedResults, pageText } from '../proj/votefit.js';

/** A laptop or a projector (not a phone) shows a closed board's results fitted to the screen, as the projector does. */
const wide = matchMedia('(min-width: 900px) and (min-height: 520px)');
let screen = null;

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
  const heading = (i) => (revealed.length > 1 ? t('closed.roundN', { n: i + 1 }) : t('vote.heading.revealed'));
  const paint = () => {
    document.body.classList.toggle('closed-screen', wide.matches);
    if (wide.matches) {
      screen = screen || fittedResults(box, { live: source, headings: true, onPage: showPage });
      box.classList.add('screen-results');
      screen.showRounds(revealed.map((round, i) => ({ round, heading: heading(i) })));
      return;
    }
    screen?.stop();
    showPage(0, 1);
    box.classList.remove('screen-results');
    box.replaceChildren(...revealed.map((round, i) => h('section', { class: 'closed-round' },
      h('h2', { text: heading(i) }),
      resultsList(source, round, { mine: mineOf(round), comments: round.comments }))));
  };
  paint();
  wide.onchange = paint;
  let resizing;
  window.onresize = () => {
    clearTimeout(resizing);
    resizing = setTimeout(() => wide.matches && paint(), 150);
  };
}

/** "Pagina 1 di 2" above the results while they page. */
function showPage(page, count) {
  let indicator = $('#page-indicator');
  if (!indicator) {
    // in the top bar, so that it never takes height from the results it counts
    indicator = h('p', { class: 'closed-page', id: 'page-indicator', 'aria-live': 'polite' });
    $('.topbar .lang-switch').before(indicator);
  }
  indicator.hidden = count < 2;
  indicator.textContent = pageText(page, count);
}

document.addEventListener('keydown', (event) => {
  if (!screen || !document.body.classList.contains('closed-screen')) return;
  if (event.key === 'PageDown' || event.key === 'ArrowRight') screen.turn(1);
  if (event.key === 'PageUp' || event.key === 'ArrowLeft') screen.turn(-1);
});

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
