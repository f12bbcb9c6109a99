import { $, h } from '../dom.js';
import { t } from '../i18n.js';
import { noteCard } from '../notes.js';

/** The spotlight: one note, or one cluster with its notes, large over the board; gone when the moderator clears it. */
export function paintSpotlight(live, grid) {
  const box = $('#spotlight');
  const id = live.board?.settings?.spotlight;
  const note = id && live.notes.get(id);
  const cluster = id && live.clusters.get(id);
  const key = JSON.stringify([id, note?.text, note?.hidden, cluster?.name, cluster?.version]);
  if (box.dataset.key === key) return;
  box.dataset.key = key;
  let content = null;
  if (note && !note.hidden && note.text != null) {
    content = h('ul', { class: 'spot-notes' }, noteCard(note, grid));
  } else if (cluster) {
    const members = [...live.notes.values()].filter((n) => n.clusterId === cluster.id && !n.hidden && n.text != null);
    content = [h('p', { class: 'spot-title', text: cluster.name }),
      h('p', { class: 'spot-count', text: t('clu.count', { n: members.length }) }),
      h('ul', { class: 'spot-notes' }, members.map((n) => noteCard(n, grid)))];
  }
  box.hidden = !content;
  box.replaceChildren(h('h2', { class: 'sr-only', text: t('proj.spotlight') }), ...(content ? [content].flat() : []));
}
