import { $, h } from '../shared/dom.js';
import { t } from '../shared/i18n.js';
import { currentRound, itemLabel } from '../vote/rounds.js';
import { fittedResults } from './votefit.js';

/** Text sizes to try for the results, largest first; the smallest is still 20px on a 1920x1080 screen. */
const SIZES = ['1.7rem', '1.5rem', '1.35rem', '1.25rem'];

/**
 * The vote on the projector, in place of the board: while a round is open (or closed, before the reveal) the
 * proposals and how many have voted, never a figure that hints at the results; after the reveal every proposal's
 * rank, name and figures and, for ratings, the feasibility x sustainability matrix, fitted to the screen and paged
 * past what fits (proj/votefit.js). A revealed round stays up while the stage is
 * voting or closed, or, when this screen (this tab, across reloads) saw the reveal, until the stage changes; so
 * the board comes back when the moderator moves on. The moderator's hint (vote.projectorHint) says exactly this.
 */
export function projectorVotes(live, { onPage = () => {} } = {}) {
  let online = 0;
  const results = fittedResults($('#vote-board-body'), { live, onPage });
  let shownKey = null;
  // Kept for the tab, so a reload of the projector still shows results revealed in another stage.
  const remembered = `pb-revealed-${live.boardId ?? ''}`;
  let revealedHere = (() => {
    try {
      return JSON.parse(sessionStorage.getItem(remembered));
    } catch {
      return null;
    }
  })();

  const shown = (board) => {
    const round = currentRound(board);
    if (!round) return null;
    if (round.status !== 'revealed') return round;
    if (board.stage === 'voting' || board.stage === 'closed') return round;
    return revealedHere?.roundId === round.id && revealedHere.stage === board.stage ? round : null;
  };

  function progress(round) {
    const known = Math.max(online, round.voters || 0);
    return t(round.status === 'open' ? 'vote.progress' : 'vote.progressClosed', { voters: round.voters || 0, of: known });
  }

  function waiting(round) {
    return [h('p', { class: 'vote-board-kind', text: t(`vote.kind.${round.kind}`) }),
      h('ol', { class: 'vote-board-items' }, round.items.map((item) => h('li', { text: itemLabel(live, round, item) })))];
  }

  function fit(box) {
    for (const size of SIZES) {
      box.style.setProperty('--vote-size', size);
      if (box.scrollHeight <= box.clientHeight + 1) return;
    }
  }

  function paint() {
    const board = live.board;
    const panel = $('#vote-board');
    const round = board && shown(board);
    panel.hidden = !round;
    $('#grid').hidden = Boolean(round);
    if (!round) {
      shownKey = null;
      results.stop();
      onPage(0, 1);
      return;
    }
    $('#vote-progress').textContent = round.status === 'revealed' ? '' : progress(round);
    const labels = round.items.map((item) => itemLabel(live, round, item));
    const key = JSON.stringify([round.id, round.status, round.results, labels]);
    if (key === shownKey) return;
    shownKey = key;
    $('#vote-board-heading').textContent = t(`vote.heading.${round.status}`);
    const box = $('#vote-board-body');
    box.classList.toggle('is-results', round.status === 'revealed');
    if (round.status === 'revealed') {
      box.style.removeProperty('--vote-size');
      results.showRounds([{ round }]);
      return;
    }
    results.stop();
    onPage(0, 1);
    box.replaceChildren(...waiting(round));
    fit(box);
  }

  /** Lays the results out again (after a resize); false when no results are shown. */
  function refit() {
    if (!shownKey || $('#vote-board').hidden) return false;
    shownKey = null;
    paint();
    return true;
  }

  live.addEventListener('change', ({ detail }) => {
    if (detail?.event !== 'vote.revealed') return;
    revealedHere = { roundId: detail.data.roundId, stage: live.board?.stage };
    try {
      sessionStorage.setItem(remembered, JSON.stringify(revealedHere));
    } catch {
      // storage off: a reload then shows the board until the next reveal
    }
  });
  live.addEventListener('presence', ({ detail }) => {
    online = detail.participants ?? 0;
    paint();
  });
  return { paint, refit, turn: (step) => results.turn(step), get showing() { return !$('#vote-board').hidden; } };
}
