import { label, t } from '../shared/i18n.js';

/**
 * Vote rounds as a client keeps them: from the board's `rounds`, the vote events, and this phone's own acked
 * casts. Events carry no ballot and, before the reveal, no result: only the number of voters.
 */
export function applyVoteEvent(board, event, data) {
  board.rounds = board.rounds || [];
  if (event === 'vote.opened') {
    const known = board.rounds.findIndex((r) => r.id === data.round.id);
    if (known >= 0) board.rounds[known] = { ...board.rounds[known], ...data.round };
    else board.rounds.push({ myBallot: [], ...data.round });
    return;
  }
  const round = board.rounds.find((r) => r.id === data.roundId);
  if (!round) return;
  if (event === 'vote.progress') round.voters = data.voters;
  if (data.status) round.status = data.status;
  if (event === 'vote.revealed') round.results = data.results;
  if (event === 'vote.reopened') delete round.results;
  if (event === 'vote.linked') {
    const item = round.items.find((i) => i.id === data.itemId);
    if (item) item.phases = data.phases;
  }
}

/** After the server acknowledged a cast, the round remembers it as this phone's ballot. */
export function applyCastAck(board, data) {
  const round = board?.rounds?.find((r) => r.id === data.roundId);
  if (!round) return;
  round.myBallot = (round.myBallot || []).filter((b) => b.itemId !== data.itemId);
  round.myBallot.push(castOf(data, round));
}

function castOf(data, round) {
  return {
    itemId: data.itemId,
    dots: data.dots ?? 0,
    scores: data.scores || {},
    comment: round.comments ? (data.comment || null) : null,
  };
}

/**
 * This phone's ballot on a round as it should show it: what the server holds, with the casts still waiting to
 * be sent applied on top, in order. Returns a Map of itemId to {dots, scores, comment, pending}.
 */
export function ballotOf(live, round) {
  const ballot = new Map();
  for (const b of round.myBallot || []) ballot.set(b.itemId, { ...castOf(b, round), pending: false });
  for (const { op, data, ackedSeq } of live.outbox) {
    if (op !== 'vote.cast' || data.roundId !== round.id) continue;
    ballot.set(data.itemId, { ...castOf(data, round), pending: !ackedSeq });
  }
  return ballot;
}

/** Dots this phone has spent on a round, pending casts included. */
export function spent(ballot) {
  let sum = 0;
  for (const b of ballot.values()) sum += b.dots || 0;
  return sum;
}

/** The round a phone or projector should show: the newest open one, else the newest at all. */
export function currentRound(board) {
  const rounds = board?.rounds || [];
  const open = rounds.filter((r) => r.status === 'open');
  return open.length ? open[open.length - 1] : rounds[rounds.length - 1] || null;
}

/** What an item is called: its cluster's name or its note's text, as text; a numbered fallback otherwise. */
export function itemLabel(live, round, item) {
  const name = item.kind === 'cluster' ? live.clusters.get(item.id)?.name : live.notes.get(item.id)?.text;
  if (name != null && name !== '') return name;
  return t('vote.itemN', { n: round.items.indexOf(item) + 1 });
}

export function criterionLabel(criterion) {
  return label(criterion);
}

/** Built-in criteria with their labels in both languages (the server's i18n/vote_*.properties say the same). */
export const BUILT_IN_CRITERIA = {
  feasibility: { it: 'Fattibilità', en: 'Feasibility' },
  sustainability: { it: 'Sostenibilità', en: 'Sustainability' },
  impact: { it: 'Impatto', en: 'Impact' },
};

/** Number formatting in the page language, e.g. 3.5 → "3,5" in Italian. */
export function num(value, digits = 1) {
  const lang = document.documentElement.lang === 'it' ? 'it-IT' : 'en-GB';
  return Number(value ?? 0).toLocaleString(lang, { maximumFractionDigits: digits, minimumFractionDigits: 0 });
}
