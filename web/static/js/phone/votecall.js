import { $ } from '../shared/dom.js';
import { t } from '../shared/i18n.js';
import { ballotOf, currentRound } from '../vote/rounds.js';

/**
 * A vote this phone has not taken part in is never out of sight: while a round is open and the phone has cast
 * nothing in it, a banner fixed under the header leads to the ballot in one tap, at any scroll position. It
 * holds after a reload or a reconnection too (a kept draft brings the composer into view, not the ballot). The
 * banner steps aside while the ballot itself is on screen, and for good once the phone has voted.
 */
export function bindVoteCall(live) {
  const banner = $('#vote-call');
  const go = $('#vote-call-go');
  const ballot = $('#vote-view');
  let ballotOnScreen = false;

  go.addEventListener('click', () => {
    ballot.scrollIntoView({ block: 'start' });
    $('#vote-heading').focus({ preventScroll: true });
  });

  const paint = () => {
    const round = currentRound(live.board);
    const waiting = round?.status === 'open' && live.board?.stage !== 'closed' && !hasVoted(live, round);
    const show = waiting && !ballotOnScreen && !ballot.hidden;
    if (show) {
      banner.style.top = `${Math.max(0, document.querySelector('.topbar')?.getBoundingClientRect().bottom ?? 0)}px`;
      const text = t('vote.call', { n: round.items.length });
      if (banner.hidden) {
        // written after the banner shows, so screen readers announce it (a live region that was hidden is silent)
        go.textContent = '';
        banner.hidden = false;
        requestAnimationFrame(() => { go.textContent = text; });
      } else if (go.textContent !== text) {
        go.textContent = text;
      }
      return;
    }
    banner.hidden = true;
  };

  // The header's height is left out of the root, so a ballot hidden under it does not count as on screen.
  const header = () => Math.ceil(document.querySelector('.topbar')?.getBoundingClientRect().height ?? 0);
  new IntersectionObserver(([entry]) => {
    ballotOnScreen = entry.isIntersecting;
    paint();
  }, { rootMargin: `-${header()}px 0px 0px 0px` }).observe(ballot);
  return paint;
}

/** Whether the phone has given anything in this round: a dot or a score (pending casts count). */
function hasVoted(live, round) {
  for (const cast of ballotOf(live, round).values()) {
    if ((cast.dots || 0) > 0 || Object.keys(cast.scores || {}).length) return true;
  }
  return false;
}
