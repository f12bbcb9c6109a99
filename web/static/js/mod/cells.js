import { h, syncList } from '../shared/dom.js';
import { t } from '../shared/i18n.js';
import { noteCard, noteSignature } from '../shared/notes.js';
import { tn } from './plural.js';
import { byAgreement, clusterAgreement } from '../shared/react.js';

/**
 * Draws one lane of the moderator's grid: its clusters as labelled stacks (name, count, and per-tag counts when a
 * tag filter is on), then the notes in no cluster. Notes and clusters each start with a toggle button that selects
 * them (Space) and that the arrow keys move between; a note that lacks the filtered tag is dimmed, not removed.
 */
export function laneRenderer({ grid, live, ui, menuButton }) {
  const mark = (note) => ({
    selected: ui.selectedNotes.includes(note.id),
    dimmed: Boolean(ui.filter) && !(note.tags || []).includes(ui.filter),
  });

  const noteSig = (note) => {
    const m = mark(note);
    return noteSignature(note, `${m.selected}|${m.dimmed}|${live.board?.settings?.spotlight === note.id}`);
  };

  function modNote(note) {
    const { selected, dimmed } = mark(note);
    const el = noteCard(note, grid, { showSent: true, showAuthor: true });
    el.classList.add('mod-note');
    el.classList.toggle('is-selected', selected);
    el.classList.toggle('is-dimmed', dimmed);
    el.classList.toggle('is-held', Boolean(note.held));
    el.classList.toggle('is-spotlit', live.board?.settings?.spotlight === note.id);
    // the select toggle first (arrow keys move between them), the menu of actions last
    el.prepend(h('button', { type: 'button', class: 'select-note', dataset: { nav: 'note' },
      'aria-pressed': String(selected), 'aria-label': t('clu.selectNote', { text: note.text ?? t('note.secret') }) },
    h('span', { 'aria-hidden': 'true', text: selected ? '✓' : '' })));
    if (!note.deleting) el.append(h('div', { class: 'note-tools' }, menuButton(note)));
    return el;
  }

  function clusterItem({ cluster, notes }) {
    const selected = ui.selectedClusters.includes(cluster.id);
    const count = tn('clu.count', notes.length);
    const tagged = ui.filter ? notes.filter((n) => (n.tags || []).includes(ui.filter)).length : null;
    return h('li', { class: `cluster${selected ? ' is-selected' : ''}${
      live.board?.settings?.spotlight === cluster.id ? ' is-spotlit' : ''}`, dataset: { clusterId: cluster.id } },
    h('div', { class: 'cluster-head' },
      h('div', { class: 'cluster-line' },
        h('button', { type: 'button', class: 'cluster-title', dataset: { nav: 'cluster' }, 'aria-pressed': String(selected),
          'aria-label': t('clu.selectCluster', { name: cluster.name, count }) },
        h('span', { class: 'cluster-name', text: cluster.name }), ' ',
        h('span', { class: 'cluster-count', text: count })),
        menuButton({ cluster })),
      clusterAgreement(cluster, notes),
      tagged == null ? null : h('p', { class: 'cluster-tagged', text: t('clu.tagged', {
        n: tagged, of: notes.length, tag: grid.tagName(ui.filter) }) })),
    h('ul', { class: 'cluster-notes', 'aria-label': cluster.name }, notes.map((note) => {
      const el = modNote(note);
      el.dataset.key = note.id;
      return el;
    })));
  }

  /** Sorted by agreement ("Me too"), when the moderator asked for it in this lane: most agreed first. */
  const agreed = (notes) => notes.reduce((s, note) => s + (note.reactions || 0), 0);

  return function renderLane(list, lane, all) {
    // the sort toggle shows where there is agreement to sort by (or the lane is sorted already)
    const sorter = list.parentElement?.querySelector('.sort-agree');
    if (sorter) sorter.hidden = !ui.sortedLanes?.has(lane) && !all.some((note) => note.reactions > 0);
    const sorted = ui.sortedLanes?.has(lane);
    const notes = sorted ? byAgreement(all) : all;
    const clusters = [...live.clusters.values()].filter((cluster) => cluster.lane === lane)
      .sort((a, b) => a.name.localeCompare(b.name));
    if (sorted) {
      const sums = new Map(clusters.map((c) => [c.id, agreed(notes.filter((note) => note.clusterId === c.id))]));
      clusters.sort((a, b) => sums.get(b.id) - sums.get(a.id));
    }
    const known = new Set(clusters.map((cluster) => cluster.id));
    const items = clusters.map((cluster) => ({
      cluster, notes: notes.filter((note) => note.clusterId === cluster.id),
    }));
    for (const note of notes) if (!note.clusterId || !known.has(note.clusterId)) items.push({ note });
    syncList(list, items, (item) => (item.cluster ? `c:${item.cluster.id}` : item.note.id),
      (item) => (item.cluster
        ? JSON.stringify([item.cluster.name, item.cluster.version, ui.selectedClusters.includes(item.cluster.id),
          ui.filter, live.board?.settings?.spotlight === item.cluster.id, item.cluster.reactors, item.notes.map(noteSig)])
        : noteSig(item.note)),
      (item) => (item.cluster ? clusterItem(item) : modNote(item.note)));
  };
}
