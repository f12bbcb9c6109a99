import { $, h } from '../shared/dom.js';
import { label, t } from '../shared/i18n.js';
import { noteCard, shownToAll } from '../shared/notes.js';
import { dimensionMark } from '../shared/grid.js';
import { largestFit } from './fit.js';
import { noteCount } from './lanes.js';

const readable = (note) => shownToAll(note) && note.text != null;

/**
 * What the spotlight setting names, as a title and columns of notes: a note; a cluster with its notes; a phase
 * (`phase:<key>`, one column per dimension); a lane (`lane:<id>`). Null when there is nothing to show.
 */
function target(live, grid, id) {
  if (!id) return null;
  const notes = [...live.notes.values()].filter(readable);
  if (id.startsWith('phase:')) {
    const phase = grid.phases.find((p) => p.key === id.slice('phase:'.length));
    if (!phase) return null;
    const columns = grid.dimensions.map((dimension, i) => {
      const lane = `${phase.key}:${dimension.key}`;
      return { head: `${dimensionMark(i)} ${label(dimension)}`, dim: String(i), notes: notes.filter((n) => n.lane === lane) };
    });
    const count = columns.reduce((s, c) => s + c.notes.length, 0);
    return { title: label(phase), count, columns };
  }
  if (id.startsWith('lane:')) {
    const lane = id.slice('lane:'.length);
    if (!grid.lanes.has(lane)) return null;
    const members = notes.filter((n) => n.lane === lane);
    return { title: grid.laneName(lane), count: members.length, columns: [{ notes: members, flow: true }] };
  }
  const note = live.notes.get(id);
  // one note may flow over columns too: a note of 250 short lines is shown whole only that way
  if (note && readable(note)) return { columns: [{ notes: [note], single: true, flow: true }] };
  const cluster = live.clusters.get(id);
  if (cluster) {
    const members = notes.filter((n) => n.clusterId === cluster.id);
    return { title: cluster.name, count: members.length, columns: [{ notes: members, flow: true }] };
  }
  return null;
}

function render(box, shown, grid) {
  const body = h('div', { class: 'spot-body' }, shown.columns.map((column) => h('section',
    { class: `spot-col${column.flow ? ' is-flow' : ''}${column.single ? ' is-single' : ''}`,
      dataset: column.dim ? { dim: column.dim } : {} },
    column.head ? h('h3', { class: `spot-head dim-${column.dim}`, text: column.head }) : null,
    h('ul', { class: 'spot-notes' }, column.notes.map((n) => noteCard(n, grid))))));
  // replaceChildren would print a null as "null": only the parts there are
  box.replaceChildren(...[h('h2', { class: 'sr-only', text: t('proj.spotlight') }),
    shown.title ? h('p', { class: 'spot-title', text: shown.title }) : null,
    shown.count != null ? h('p', { class: 'spot-count', text: noteCount(shown.count) }) : null,
    body].filter(Boolean));
}

/** The largest text at which every column shows all of its notes; flowing lists spread over up to three columns. */
function fit(box) {
  const body = box.querySelector('.spot-body');
  const cols = [...body.querySelectorAll('.spot-col')];
  const flow = body.querySelector('.spot-col.is-flow .spot-notes');
  const overflows = (el) => el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1;
  const fits = () => !overflows(body) && cols.every((c) => !overflows(c));
  const apply = (size) => box.style.setProperty('--spot-size', `${size}px`);
  let best = null;
  const single = Boolean(body.querySelector('.spot-col.is-single'));
  for (const columns of !flow ? [1] : single ? [1, 2, 3, 4, 6, 8, 10, 12] : [1, 2, 3]) {
    if (flow) flow.style.columnCount = String(columns);
    const size = largestFit(14, 72, apply, fits);
    if (size != null && (!best || size > best.size)) best = { size, columns };
  }
  if (flow) flow.style.columnCount = String(best?.columns ?? 3);
  apply(best?.size ?? 14);
  box.dataset.fit = best ? String(best.size) : 'overflow';
}

/** The spotlight over the board, large; gone when the moderator clears it. `again` refits after a resize. */
export function paintSpotlight(live, grid, again = false) {
  const box = $('#spotlight');
  const shown = target(live, grid, live.board?.settings?.spotlight);
  const key = JSON.stringify(shown && [shown.title, shown.columns.map((c) => c.notes.map((n) => [n.id, n.text, n.tags, n.reactions]))]);
  if (box.dataset.key === key && !again) return;
  box.dataset.key = key;
  box.hidden = !shown;
  if (!shown) {
    box.replaceChildren();
    return;
  }
  render(box, shown, grid);
  fit(box);
}
