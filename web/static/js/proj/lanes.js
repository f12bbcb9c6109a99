import { h, syncList } from '../shared/dom.js';
import { t } from '../shared/i18n.js';
import { noteCard, noteSignature, shownToAll } from '../shared/notes.js';
import { clusterAgreement, roomSeesCounts } from '../shared/react.js';

/**
 * One lane on the projector: raw notes, or clusters as stacks with their name and count (then the notes in no
 * cluster). Hidden notes never show; notes still secret until the reveal show only as a count. The last item is the
 * lane's summary (how many notes), shown in place of the notes when the screen has no room for them (proj/fit.js).
 * The projector shows clusters when the moderator chooses that view; the plenary (`clustered: 'any'`) whenever the
 * board has clusters, and then keeps the stacks beside a count of the notes in no cluster when a lane is counted.
 */
export function projectorLane({ grid, live, clustered = 'setting' }) {
  const byClusters = () => (clustered === 'any' ? live.clusters.size > 0 : live.board?.settings?.view === 'clusters');
  const keepStacks = clustered === 'any';
  return function renderLane(list, lane, notes) {
    // the plenary reads the board with the organiser key: counts the room may not see stay off its screen too
    const room = roomSeesCounts(live.board?.settings);
    const visible = notes.filter(shownToAll).map((note) => (room ? note : { ...note, reactions: undefined }));
    const secret = visible.filter((note) => note.secret && note.text == null).length;
    const readable = visible.filter((note) => !(note.secret && note.text == null));
    const items = [];
    let loose = readable.length;
    if (byClusters()) {
      const clusters = [...live.clusters.values()].filter((c) => c.lane === lane).sort((a, b) => a.name.localeCompare(b.name));
      for (const cluster of clusters) {
        const members = readable.filter((note) => note.clusterId === cluster.id);
        const agreement = clusterAgreement(cluster, members, { people: false });
        items.push({ key: `c:${cluster.id}`, sig: JSON.stringify([cluster.name, members.length, agreement?.textContent]),
          render: () => h('li', { class: 'stack', dataset: keepStacks ? { clusterId: cluster.id, keep: '' }
            : { clusterId: cluster.id } },
            h('span', { class: 'stack-name', text: cluster.name }),
            h('span', { class: 'stack-count', text: noteCount(members.length) }), agreement) });
      }
      const known = new Set(clusters.map((c) => c.id));
      const rest = readable.filter((note) => !known.has(note.clusterId));
      rest.forEach((note) => items.push(noteItem(note)));
      loose = rest.length;
    } else {
      readable.forEach((note) => items.push(noteItem(note)));
    }
    if (secret) {
      items.push({ key: 'secret', sig: String(secret), render: () => h('li', { class: 'secret-count' },
        t('proj.secret', { n: secret })) });
    }
    const stacked = keepStacks && items.some((item) => item.key.startsWith('c:'));
    const count = !stacked ? noteCount(visible.length)
      : loose ? t(loose === 1 ? 'proj.loose.one' : 'proj.loose.other', { n: loose }) : '';
    items.push({ key: 'summary', sig: count, render: () => h('li', { class: `cell-summary${stacked ? ' is-loose' : ''}`,
      hidden: true, text: count }) });
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
