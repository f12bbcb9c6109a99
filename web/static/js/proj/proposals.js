import { $, h } from '../shared/dom.js';
import { label, t } from '../shared/i18n.js';
import { shownToAll } from '../shared/notes.js';
import { itemLabel, num } from '../vote/rounds.js';
import { rankText } from '../vote/results.js';
import { largestFit } from './fit.js';

const LANE = 'improvements';

/** The newest revealed round on the improvements lane, else null. */
function revealedRound(board) {
  const rounds = (board?.rounds || []).filter((r) => r.status === 'revealed' && r.results && (r.lane ?? LANE) === LANE);
  return rounds[rounds.length - 1] || null;
}

/** A result's figures in words: each criterion's mean (ratings) or the dots (dot votes). */
function figures(round, result) {
  if (round.kind === 'dots') {
    return `${t('vote.dotsHead')} ${result.dots ?? 0} · ${t('vote.nVoters', { n: result.voters ?? 0 })}`;
  }
  return round.criteria.filter((c) => result.criteria?.[c.key]?.n)
    .map((c) => `${label(c)} ${num(result.criteria[c.key].mean)}`).join(' · ');
}

/** One group's proposals: ranked with their results once revealed, else as the group wrote them. */
function proposalsOf(live) {
  const round = revealedRound(live.board);
  if (round) {
    const byId = new Map(round.items.map((item) => [item.id, item]));
    return round.results.map((result) => ({ key: result.itemId, rank: rankText(result),
      name: itemLabel(live, round, byId.get(result.itemId) || { id: result.itemId, kind: 'note' }),
      figures: figures(round, result) }));
  }
  const clusters = [...live.clusters.values()].filter((c) => c.lane === LANE);
  const inCluster = new Set(clusters.flatMap((c) => c.noteIds || []));
  const notes = [...live.notes.values()].filter((n) => n.lane === LANE && shownToAll(n) && n.text != null
    && !inCluster.has(n.id));
  return [...clusters.map((c) => ({ key: c.id, name: c.name })), ...notes.map((n) => ({ key: n.id, name: n.text }))];
}

function render(box, live) {
  const round = revealedRound(live.board);
  const items = proposalsOf(live);
  const open = (live.board?.rounds || []).find((r) => r.status === 'open' && (r.lane ?? LANE) === LANE);
  const note = round ? null : open ? t('plenary.votingOpen', { voters: open.voters || 0 }) : t('plenary.notRevealed');
  box.replaceChildren(...[
    note ? h('p', { class: 'proposals-note', text: note }) : null,
    items.length
      ? h('ol', { class: `proposals${round ? ' is-ranked' : ''}` }, items.map((item) => h('li', { class: 'proposal',
        dataset: { itemId: item.key } },
      item.rank ? h('span', { class: 'proposal-rank', text: item.rank }) : null,
      h('div', { class: 'proposal-body' },
        h('p', { class: 'proposal-name', text: item.name }),
        item.figures ? h('p', { class: 'proposal-figures', text: item.figures }) : null))))
      : h('p', { class: 'proposals-note', text: t('plenary.noProposals') }),
  ].filter(Boolean));
}

/**
 * The plenary of improvements: each group's improvement proposals side by side with their revealed results (rank,
 * name, each criterion's mean or the dots), for the closing exchange, text as large as fits and at least 16px. The
 * organiser switches between the boards and the proposals; until then the proposals show once every board is in
 * voting or closed. onMode() tells the page that the boards are back (to fit them again).
 */
export function proposalsView(boards, { onMode = () => {} } = {}) {
  let chosen = null;
  let frame = 0;
  const shown = () => chosen ?? (boards.length > 0 && boards.every((b) => ['voting', 'closed'].includes(b.live.board?.stage))
    ? 'improvements' : 'boards');

  function fit() {
    const page = document.body;
    const boxes = boards.map((b) => b.section.querySelector('.plenary-proposals'));
    const overflows = (el) => el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1;
    const size = largestFit(16, 40, (px) => page.style.setProperty('--proposal-size', `${px}px`),
      () => boxes.every((box) => !overflows(box)));
    if (size == null) page.style.setProperty('--proposal-size', '16px');
    for (const box of boxes) box.dataset.fit = size == null ? 'overflow' : String(size);
  }

  function paint() {
    const mode = shown();
    const improvements = mode === 'improvements';
    document.body.classList.toggle('shows-proposals', improvements);
    $('#mode-boards').setAttribute('aria-pressed', String(!improvements));
    $('#mode-improvements').setAttribute('aria-pressed', String(improvements));
    for (const b of boards) {
      b.section.querySelector('.plenary-grid').hidden = improvements;
      const box = b.section.querySelector('.plenary-proposals');
      box.hidden = !improvements;
      if (improvements && b.live.board) render(box, b.live);
    }
    if (improvements) fit();
  }

  function changed() {
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(paint);
  }

  const choose = (mode) => {
    chosen = mode;
    paint();
    if (mode === 'boards') onMode();
  };
  $('#mode-boards').addEventListener('click', () => choose('boards'));
  $('#mode-improvements').addEventListener('click', () => choose('improvements'));
  let resizing;
  window.addEventListener('resize', () => {
    clearTimeout(resizing);
    resizing = setTimeout(changed, 150);
  });
  return { changed, get mode() { return shown(); } };
}
