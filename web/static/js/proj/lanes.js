import { h, syncList } from '../dom.js';
import { t } from '../i18n.js';
import { noteCard, noteSignature, shownToAll } from '../notes.js';

/** Note text sizes to try, largest first; the smallest keeps text at 20px or more on a 1920x1080 screen. */
const SIZES = ['1.6rem', '1.45rem', '1.3rem'];

/**
 * One lane on the projector: raw notes, or clusters as stacks with their name and count (then the notes in no
 * cluster). Hidden notes never show; notes still secret until the reveal show only as a count.
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
            h('span', { class: 'stack-count', text: t('clu.count', { n: members.length }) })) });
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
    items.push({ key: 'more', sig: '', render: () => h('li', { class: 'more', hidden: true }) });
    syncList(list, items, (item) => item.key, (item) => item.sig, (item) => item.render());
  };

  function noteItem(note) {
    return { key: note.id, sig: noteSignature(note), render: () => noteCard(note, grid) };
  }
}

/**
 * Makes every cell fit without scrolling: the text shrinks step by step (never under 20px), then the last
 * notes are folded into a "+N" stack.
 */
export function fitCells(container) {
  for (const cell of container.querySelectorAll('.cell')) {
    const list = cell.querySelector('.cell-notes');
    const items = [...list.children].filter((el) => !el.classList.contains('more'));
    const more = list.querySelector('.more');
    items.forEach((el) => { el.hidden = false; });
    if (more) more.hidden = true;
    let fits = false;
    for (const size of SIZES) {
      cell.style.setProperty('--note-size', size);
      if (cell.scrollHeight <= cell.clientHeight + 1) {
        fits = true;
        break;
      }
    }
    if (fits || !more) continue;
    more.hidden = false;
    let folded = 0;
    for (let i = items.length - 1; i >= 0 && cell.scrollHeight > cell.clientHeight + 1; i -= 1) {
      if (items[i].classList.contains('secret-count')) continue;
      items[i].hidden = true;
      folded += 1;
      more.textContent = t('proj.more', { n: folded });
    }
  }
}
