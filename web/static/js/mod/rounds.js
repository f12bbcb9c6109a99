import { $, h, syncList } from '../shared/dom.js';
import { label, state, t } from '../shared/i18n.js';
import { itemLabel } from '../vote/rounds.js';
import { matrixFigure, resultsList } from '../vote/results.js';
import { ask } from './ask.js';

const BALLOT_WAIT_MS = 400;

/**
 * The rounds of this board, newest first: how many have voted, close, reveal and reopen, proposals linked to the
 * phases they improve, the results once revealed and, for named rounds, every ballot. Events carry no ballot, so
 * after each vote on a named round the round is fetched again (at most every 400 ms).
 */
export function bindRounds(live, grid, { resultTool } = {}) {
  let online = 0;
  const fetching = new Map();
  const opened = new Set();
  /** A details element that stays open across redraws of its round. */
  const details = (key, className, summary, ...children) => {
    const el = h('details', { class: className, open: opened.has(key),
      ontoggle: () => (el.open ? opened.add(key) : opened.delete(key)) }, h('summary', { text: summary }), ...children);
    return el;
  };

  const send = (op, data) => live.send(op, data);
  const phaseName = (key) => label(grid.phases.find((p) => p.key === key)) || key;

  async function fetchBallots(roundId) {
    try {
      const response = await fetch(`/api/boards/${state.boardId}/votes/${roundId}`, {
        headers: { Authorization: `Bearer ${state.key}` },
      });
      if (!response.ok) return;
      const fresh = await response.json();
      const round = live.board?.rounds?.find((r) => r.id === roundId);
      if (round && fresh.ballots) {
        round.ballots = fresh.ballots;
        paint();
      }
    } catch {
      // offline: the next snapshot brings the ballots
    }
  }

  async function link(round, item, name) {
    const phases = await ask({ title: t('vote.linkTitle', { name }), ok: t('vote.linkSave'),
      checks: { label: t('vote.linkPhases'), values: item.phases || [],
        options: grid.phases.map((p, i) => ({ value: p.key, label: `${i + 1}. ${label(p)}` })) } });
    if (phases) send('vote.link', { roundId: round.id, itemId: item.id, phases });
  }

  function ballots(round) {
    if (round.anonymous || !round.ballots) return null;
    const people = new Map((live.board?.participants || []).map((p) => [p.id, p.name || t('ctl.anonymous.person')]));
    const byItem = new Map(round.items.map((item) => [item.id, item]));
    const vote = (b) => (round.kind === 'dots' ? t('vote.dotsOf', { n: b.dots, cap: round.cap })
      : round.criteria.filter((c) => b.scores?.[c.key]).map((c) => `${label(c)} ${b.scores[c.key]}`).join(', '));
    const rows = round.ballots.filter((b) => b.dots > 0 || Object.keys(b.scores || {}).length || b.comment);
    return details(`${round.id}:ballots`, 'round-ballots', t('vote.ballots', { n: rows.length }),
      h('table', {},
        h('thead', {}, h('tr', {}, h('th', { scope: 'col', text: t('vote.person') }),
          h('th', { scope: 'col', text: t('vote.proposal') }), h('th', { scope: 'col', text: t('vote.given') }))),
        h('tbody', {}, rows.map((b) => h('tr', {},
          h('td', { text: people.get(b.participantId) || '…' }),
          h('td', { text: itemLabel(live, round, byItem.get(b.itemId) || { id: b.itemId, kind: 'note' }) }),
          h('td', { text: b.comment ? `${vote(b)} · “${b.comment}”` : vote(b) }))))));
  }

  function roundCard(round, index) {
    const title = t('vote.roundTitle', { n: index + 1, kind: t(`vote.kindShort.${round.kind}`),
      lane: grid.laneName(round.lane) });
    const setup = round.kind === 'dots' ? t('vote.setupDots', { budget: round.budget, cap: round.cap })
      : round.criteria.map((c) => label(c)).join(', ');
    const flags = [round.anonymous ? t('vote.anonymousShort') : t('vote.namedShort'),
      round.comments ? t('vote.commentsShort') : null].filter(Boolean).join(' · ');
    const button = (action, text, primary) => h('button', { type: 'button', class: primary ? 'primary' : null,
      text, 'aria-label': `${text}: ${title}`, onclick: () => send(`vote.${action}`, { roundId: round.id }) });
    const actions = round.status === 'open' ? [button('close', t('vote.close')), button('reveal', t('vote.reveal'), true)]
      : round.status === 'closed' ? [button('reveal', t('vote.reveal'), true), button('reopen', t('vote.reopen'))]
        : [button('reopen', t('vote.reopen'))];
    const headingId = `round-${round.id}`;
    return h('li', { class: `round round-${round.status}`, dataset: { roundId: round.id }, 'aria-labelledby': headingId },
      h('h3', { id: headingId, class: 'round-title' }, title, ' ',
        h('span', { class: `badge round-status status-${round.status}`, text: t(`vote.status.${round.status}`) })),
      h('p', { class: 'round-setup', text: `${setup} · ${flags}` }),
      h('p', { class: 'round-progress', text: t('vote.progress', { voters: round.voters || 0,
        of: Math.max(online, round.voters || 0) }) }),
      h('div', { class: 'row round-actions' }, actions),
      details(`${round.id}:items`, 'round-items', t('vote.items', { n: round.items.length }),
        h('ul', {}, round.items.map((item) => {
          const name = itemLabel(live, round, item);
          const phases = (item.phases || []).map(phaseName).join(', ');
          return h('li', { dataset: { itemId: item.id } },
            h('span', { class: 'round-item-name', text: name }),
            h('span', { class: 'round-item-phases', text: phases ? t('vote.linkedTo', { phases }) : t('vote.notLinked') }),
            h('button', { type: 'button', text: t('vote.link'), 'aria-label': `${t('vote.link')}: ${name}`,
              onclick: () => link(round, item, name) }));
        }))),
      round.status === 'revealed' ? h('div', { class: 'round-results' },
        resultsList(live, round, { comments: round.comments, lineTool: resultTool }), round.kind === 'rating' ? matrixFigure(live, round) : null)
        : null,
      ballots(round));
  }

  function paint() {
    const rounds = live.board?.rounds || [];
    $('#rounds-empty').hidden = rounds.length > 0;
    const numbered = rounds.map((round, index) => ({ round, index })).reverse();
    const focused = document.activeElement?.closest?.('#rounds [data-round-id]')?.dataset.roundId;
    syncList($('#rounds'), numbered, ({ round }) => round.id,
      ({ round }) => JSON.stringify([round, online, round.items.map((i) => itemLabel(live, round, i)),
        (live.board?.participants || []).length]),
      ({ round, index }) => roundCard(round, index));
    // a round's buttons change with its status (Close, Show the results, Reopen): the focus stays on its card
    if (focused && document.activeElement === document.body) {
      document.querySelector(`#rounds [data-round-id="${focused}"] button`)?.focus();
    }
  }

  live.addEventListener('presence', ({ detail }) => {
    online = detail.participants ?? 0;
    paint();
  });
  live.addEventListener('change', ({ detail }) => {
    if (detail?.event !== 'vote.progress') return;
    const round = live.board?.rounds?.find((r) => r.id === detail.data.roundId);
    if (!round || round.anonymous || fetching.has(round.id)) return;
    fetching.set(round.id, setTimeout(() => { fetching.delete(round.id); fetchBallots(round.id); }, BALLOT_WAIT_MS));
  });
  return paint;
}
