import { h } from '../shared/dom.js';
import { label, t } from '../shared/i18n.js';
import { bar, distribution, matrix } from './charts.js';
import { itemLabel, num } from './rounds.js';

/**
 * The ranked results of a revealed round: rank (ties shown as ties), the item's name, a bar, the figures and,
 * for ratings, each criterion's mean, median, distribution and agreement. `mine` (a phone's ballot) adds what
 * this phone gave; `comments` lists the comments of a round that collected them.
 */
export function resultsList(live, round, { mine = null, comments = false, lineTool = null } = {}) {
  const results = round.results || [];
  const most = Math.max(1, ...results.map((r) => r.dots || 0));
  const byId = new Map(round.items.map((item) => [item.id, item]));
  return h('ol', { class: `results results-${round.kind}` }, results.map((result) => {
    const item = byId.get(result.itemId) || { id: result.itemId, kind: 'note' };
    const name = itemLabel(live, round, item);
    const rank = rankText(result);
    return h('li', { class: 'result', dataset: { itemId: result.itemId, rank: result.rank } },
      h('span', { class: 'result-rank', 'aria-label': result.tied ? t('vote.rankTiedLong', { n: result.rank })
        : t('vote.rankLong', { n: result.rank }), text: rank }),
      h('div', { class: 'result-body' },
        h('p', { class: 'result-label', text: name }),
        round.kind === 'dots' ? dotsFigures(result, most) : ratingFigures(round, result),
        mine ? myPart(round, mine.get(result.itemId)) : null,
        comments && result.comments?.length
          ? h('ul', { class: 'result-comments', 'aria-label': t('vote.comments') },
            result.comments.map((c) => h('li', { text: c })))
          : null,
        lineTool ? lineTool(item, name) : null));
  }));
}

/** A rank as every page prints it: "=1" when another proposal shares it (the server's one rule, `Ranking`). */
export function rankText(result) {
  return result.tied ? t('vote.rankTied', { n: result.rank }) : String(result.rank);
}

function dotsFigures(result, most) {
  const text = t('vote.dotsFigure', { dots: result.dots, voters: result.voters });
  return h('div', { class: 'result-figures' },
    bar(result.dots, most, { label: text }),
    h('p', { class: 'result-figure', 'aria-hidden': 'true', text }));
}

function ratingFigures(round, result) {
  // two decimals: the figure ranks are decided on (the server's Ranking), so a tie reads as one
  const score = t('vote.scoreFigure', { score: num(result.score, 2), voters: result.voters });
  return h('div', { class: 'result-figures' },
    bar(result.score, 5, { label: score }),
    h('p', { class: 'result-figure', 'aria-hidden': 'true', text: score }),
    h('dl', { class: 'criteria-figures' }, round.criteria.map((criterion) => {
      const c = result.criteria?.[criterion.key];
      if (!c) return null;
      const name = label(criterion);
      const figures = !c.n ? t('vote.noScores') : t('vote.criterionFigure', { mean: num(c.mean), median: num(c.median),
        agreement: Math.round((c.agreement ?? 0) * 100) });
      return h('div', { class: 'criterion-figures' },
        h('dt', { text: name }),
        h('dd', {}, h('span', { class: 'criterion-text', text: figures }),
          distribution(c.distribution || [0, 0, 0, 0, 0], {
            label: t('vote.distribution', { name, counts: (c.distribution || []).map((n, i) => `${i + 1}: ${n}`).join(', ') }),
          })));
    })));
}

function myPart(round, cast) {
  if (!cast) return h('p', { class: 'result-mine', text: t('vote.youDidNotVote') });
  if (round.kind === 'dots') return h('p', { class: 'result-mine', text: t('vote.yourDots', { n: cast.dots }) });
  const scores = round.criteria.filter((c) => cast.scores?.[c.key])
    .map((c) => `${label(c)} ${cast.scores[c.key]}`).join(', ');
  return h('p', { class: 'result-mine', text: scores ? t('vote.yourScores', { scores }) : t('vote.youDidNotVote') });
}

/** The feasibility x sustainability matrix of a rating round, with its legend; null when a criterion is missing. */
export function matrixFigure(live, round) {
  const fx = round.criteria.find((c) => c.key === 'feasibility');
  const sy = round.criteria.find((c) => c.key === 'sustainability');
  if (!fx || !sy || !round.results?.length) return null;
  const byId = new Map(round.items.map((item) => [item.id, item]));
  const placed = round.results.filter((r) => r.criteria?.feasibility?.n && r.criteria?.sustainability?.n);
  const points = placed.map((r) => ({ rank: rankText(r), x: r.criteria.feasibility.mean, y: r.criteria.sustainability.mean }));
  const xLabel = label(fx);
  const yLabel = label(sy);
  return h('figure', { class: 'matrix-figure' },
    matrix(points, { xLabel, yLabel, corner: t('vote.quickWins'),
      label: t('vote.matrixLabel', { x: xLabel, y: yLabel }) }),
    h('figcaption', {},
      h('p', { class: 'matrix-title', text: t('vote.matrixTitle', { x: xLabel, y: yLabel }) }),
      h('ol', { class: 'matrix-legend' }, placed.map((r) => h('li', { dataset: { rank: r.rank } },
        h('span', { class: 'legend-rank', text: rankText(r) }),
        h('span', { text: `${itemLabel(live, round, byId.get(r.itemId) || { id: r.itemId, kind: 'note' })} · ${
          xLabel} ${num(r.criteria.feasibility.mean)}, ${yLabel} ${num(r.criteria.sustainability.mean)}${
          quick(r) ? ` · ${t('vote.quickWin')}` : ''}` }))))));
}

function quick(result) {
  return result.criteria.feasibility.mean > 3 && result.criteria.sustainability.mean > 3;
}

/** A result's rank as the room reads it: "3", or "=1" for a tie. */
function rankCell(result) {
  return h('td', { class: 'screen-rank', 'aria-label': result.tied ? t('vote.rankTiedLong', { n: result.rank })
    : t('vote.rankLong', { n: result.rank }), text: rankText(result) });
}

/**
 * A revealed round for a shared screen (the projector, the plenary, a closed board's page on a laptop): a table
 * with one row per proposal of `rows` (a page of round.results, all by default): its rank, its name whole and, for
 * ratings, each criterion's mean with how many scored it and the score; for dots the points with a bar and the
 * voters. Every figure is text; the matrix (screenMatrix) places the same ranks.
 */
export function resultsTable(live, round, rows = round.results || []) {
  const byId = new Map(round.items.map((item) => [item.id, item]));
  const most = Math.max(1, ...(round.results || []).map((r) => r.dots || 0));
  const rating = round.kind === 'rating';
  const criteria = rating ? round.criteria : [];
  const head = h('tr', {},
    h('th', { scope: 'col', class: 'col-rank', text: t('vote.rankHead') }),
    h('th', { scope: 'col', class: 'col-name', text: t('vote.proposalHead') }),
    criteria.map((c) => h('th', { scope: 'col', class: 'col-criterion', text: label(c) })),
    h('th', { scope: 'col', class: 'col-figure', text: rating ? t('vote.scoreHead') : t('vote.dotsHead') }));
  const body = rows.map((result) => {
    const name = itemLabel(live, round, byId.get(result.itemId) || { id: result.itemId, kind: 'note' });
    const quickWin = rating && isQuickWin(result);
    return h('tr', { class: 'screen-result', dataset: { itemId: result.itemId, rank: result.rank } },
      rankCell(result),
      h('th', { scope: 'row', class: 'screen-name' }, h('span', { class: 'result-name', text: name }),
        quickWin ? h('span', { class: 'quick-chip', text: t('vote.quickWin') }) : null),
      criteria.map((c) => {
        const figure = result.criteria?.[c.key];
        return h('td', { class: 'result-criterion' }, figure?.n
          ? [h('span', { class: 'result-mean', text: num(figure.mean) }), ' ',
            h('span', { class: 'result-n', text: t('vote.nVotes', { n: figure.n }) })]
          : h('span', { class: 'result-n', text: t('vote.noScores') }));
      }),
      h('td', { class: 'result-figure-cell' }, rating
        ? [h('span', { class: 'result-mean', text: num(result.score) }),
          bar(result.score ?? 0, 5, { label: t('vote.scoreFigure', { score: num(result.score), voters: result.voters ?? 0 }) })]
        : [h('span', { class: 'result-mean', text: String(result.dots ?? 0) }), ' ',
          h('span', { class: 'result-n', text: t('vote.nVoters', { n: result.voters ?? 0 }) }),
          bar(result.dots ?? 0, most, { label: t('vote.dotsFigure', { dots: result.dots ?? 0, voters: result.voters ?? 0 }) })]));
  });
  return h('table', { class: `results-table table-${round.kind}` }, h('thead', {}, head), h('tbody', {}, body));
}

function isQuickWin(result) {
  const f = result.criteria?.feasibility;
  const s = result.criteria?.sustainability;
  return Boolean(f?.n && s?.n && f.mean > 3 && s.mean > 3);
}

/**
 * The feasibility x sustainability matrix of `rows` for a shared screen, `side` px square (its text keeps the
 * page's size), and its legend: what the numbered points and the shaded corner mean. Null without both criteria.
 */
export function screenMatrix(round, rows, side) {
  const fx = round.criteria?.find((c) => c.key === 'feasibility');
  const sy = round.criteria?.find((c) => c.key === 'sustainability');
  if (!fx || !sy) return null;
  const placed = rows.filter((r) => r.criteria?.feasibility?.n && r.criteria?.sustainability?.n);
  const points = placed.map((r) => ({ rank: r.rank, x: r.criteria.feasibility.mean, y: r.criteria.sustainability.mean }));
  const xLabel = label(fx);
  const yLabel = label(sy);
  const chart = matrix(points, { xLabel, yLabel, corner: t('vote.quickWins'), size: Math.round(side),
    label: t('vote.matrixLabel', { x: xLabel, y: yLabel }) });
  chart.style.width = `${Math.round(side)}px`;
  chart.style.height = `${Math.round(side)}px`;
  return h('figure', { class: 'screen-matrix' },
    chart,
    h('figcaption', {},
      h('ul', { class: 'matrix-legend' },
        h('li', {}, h('span', { class: 'legend-rank', 'aria-hidden': 'true', text: '1' }), ' ',
          h('span', { text: t('vote.legendPoint') })),
        h('li', {}, h('span', { class: 'legend-corner', 'aria-hidden': 'true' }), ' ',
          h('span', { text: t('vote.legendCorner', { x: xLabel, y: yLabel }) })))));
}
