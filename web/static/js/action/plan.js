import { h } from '../shared/dom.js';
import { lang, t } from '../shared/i18n.js';
import { num } from '../vote/rounds.js';

/** The statuses of an action, in the order a plan moves through them. */
export const STATUSES = ['proposed', 'agreed', 'in_progress', 'done', 'dropped'];

/** Applies an action.created / updated / deleted event to the board's `actions` (each carries the whole action). */
export function applyActionEvent(board, event, data) {
  const action = data?.action;
  if (!action) return;
  const actions = (board.actions || []).filter((a) => a.id !== action.id);
  if (event === 'action.deleted') {
    board.actions = actions;
    return;
  }
  const at = (board.actions || []).findIndex((a) => a.id === action.id);
  if (at >= 0) actions.splice(at, 0, action);
  else actions.push(action);
  board.actions = actions;
}

/** The proposal an action came from: its note's text or its cluster's name, or null. */
export function originText(live, action) {
  if (action.fromNoteId) return live.notes?.get(action.fromNoteId)?.text ?? null;
  if (action.fromClusterId) return live.clusters?.get(action.fromClusterId)?.name ?? null;
  return null;
}

/** The proposal's result in the last revealed round that held it, in words (e.g. "rank 1 of 4 · 7 dots"), or null. */
export function resultText(board, action) {
  const id = action.fromNoteId || action.fromClusterId;
  if (!id) return null;
  const rounds = (board.rounds || []).filter((r) => r.status === 'revealed' && r.results?.some((x) => x.itemId === id));
  const round = rounds[rounds.length - 1];
  if (!round) return null;
  const result = round.results.find((x) => x.itemId === id);
  const rank = t('action.rank', { n: result.rank, of: round.results.length });
  return round.kind === 'dots'
    ? `${rank} · ${t('vote.dotsFigure', { dots: result.dots, voters: result.voters })}`
    : `${rank} · ${t('vote.scoreFigure', { score: num(result.score), voters: result.voters })}`;
}

/** A due date (ISO yyyy-mm-dd) in the page's language, e.g. "31 maggio 2026"; the text as given if it is not a date. */
export function dueDate(iso) {
  const at = /^\d{4}-\d{2}-\d{2}$/.test(iso ?? '') ? new Date(`${iso}T00:00:00Z`) : null;
  if (!at || Number.isNaN(at.getTime())) return iso ?? '';
  return new Intl.DateTimeFormat(lang, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(at).replace(/ /g, '\u00a0');
}

/** A status as a word with a shape before it (never colour alone). */
export function statusBadge(status) {
  return h('span', { class: `plan-badge status-${status}`, text: t(`action.status.${status}`) });
}

/** Marks each carried note on the grid with where it came from (workshop, group, result, status). */
export function markCarried(container, board) {
  for (const carried of board?.carried || []) {
    const note = container.querySelector(`[data-note-id="${carried.noteId}"]`);
    if (!note || note.querySelector('.carried-mark')) continue;
    note.append(h('p', { class: 'carried-mark', text: carriedLine(carried) }));
  }
}

/** Where a carried note came from, in one line. */
export function carriedLine(carried) {
  return [t('action.carriedFrom', { workshop: carried.workshop, group: carried.group }),
    carried.result, carried.status ? t(`action.status.${carried.status}`) : null].filter(Boolean).join(' · ');
}
