import { h, syncList } from '../dom.js';
import { t } from '../i18n.js';
import { noteCard, noteSignature, shownToAll } from '../notes.js';

/**
 * One lane on the projector: raw notes, or clusters as stacks with their name and count (then the notes in no
 * cluster). Hidden notes never show; notes still secret until the reveal show only as a count. The last item is the
 * lane's summary (how many notes), shown in place of the notes when the screen has no room for them (proj/fit.js).
 */
export function projectorLane({ grid, live }) {
  return function renderLane(list, lane, notes) {
    const visible = notes.filter(shownToAll);
    const secret = visible.filter((note) => note.secret && note.text == null).length;
    const readable = visible.filter((note) => !(note.secret && note.text == null));
    const items = [];
    if (live.board?.settings?.view === 'clusters') {
      const clusters = [...live.clusters.values()].filter((c) => c.lane === lane).sort((a, b) => a.name.localeCompare(b.name));
      for (const cluster of clusters) {
        const members = readable.filter((note) => note.clusterId === cluster.id);
        items.push({ key: `c:${cluster.id}`, sig: JSON.stringify([cluster.name, members.length]),
          render: () => h('li', { class: 'stack', dataset: { clusterId: cluster.id } },
            h('span', { class: 'stack-name', text: cluster.name }),
            h('span', { class: 'stack-count', text: noteCount(members.length) })) });
      }
      const known = new Set(clusters.map((c) => c.id));
      readable.filter((note) => !known.has(note.clusterId)).forEach((note) => items.push(noteItem(note)));
    } else {
      readable.forEach((note) => items.push(noteItem(note)));
    }
    if (secret) {
      items.push({ key: 'secret', sig: String(secret), render: () => h('li', { class: 'secret-count' },
        t('proj.secret', { n: secret })) });
    }
    const count = noteCount(visible.length);
    items.push({ key: 'summary', sig: count, render: () => h('li', { class: 'cell-summary', hidden: true, text: count }) });
    syncList(list, items, (item) => item.key, (item) => item.sig, (item) => item.render());
  };

  function noteItem(note) {
    return { key: note.id, sig: noteSignature(note), render: () => noteCard(note, grid) };
  }
}

/** "1 nota", "3 note": the number of notes, with the right plural. */
export function noteCount(n) {
  return t(n === 1 ? 'proj.count.one' : 'proj.count.other', { n });
}
