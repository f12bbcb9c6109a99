import { $, h } from '../shared/dom.js';
import { t } from '../shared/i18n.js';

/**
 * Suggested themes and duplicates (GET /api/boards/{id}/suggestions), shown as ghost clusters and duplicate links.
 * Each can be accepted as it is, edited (rename, drop a note) or dismissed; accepting sends the ordinary ops
 * (cluster.create, cluster.add, note.duplicate), so undo, versions and the history work as for any clustering.
 * Notes in a shown suggestion are marked on the grid with the suggestion's number.
 */
export function bindSuggest({ live, state, grid, say, button = $('#suggest-open'), panel = $('#suggest-panel') }) {
  let items = [];
  let loading = false;

  const text = (id) => live.notes.get(id)?.text ?? '…';
  /** A suggestion's notes that can still be used: on the board, in its lane, in no cluster. */
  const usable = (item) => item.noteIds.filter((id) => {
    const note = live.notes.get(id);
    return note && note.lane === item.lane && !note.clusterId;
  });

  async function load() {
    if (loading) return;
    loading = true;
    button.setAttribute('aria-busy', 'true');
    try {
      const response = await fetch(`/api/boards/${state.boardId}/suggestions`, {
        headers: { Authorization: `Bearer ${state.key}` },
      });
      const body = await response.json();
      if (!response.ok) throw new Error(body.error?.message ?? response.statusText);
      items = [
        ...body.groups.map((g, i) => ({ kind: g.clusterId ? 'join' : 'group', key: `g${i}`, ...g })),
        ...body.duplicates.map((d, i) => ({ kind: 'duplicate', key: `d${i}`, ...d })),
      ];
      say(items.length ? t('sug.found', { n: items.length }) : t('sug.none'));
      paint();
      panel.querySelector('h2')?.focus();
    } catch (error) {
      say(t('sug.failed', { message: error.message }));
    } finally {
      loading = false;
      button.removeAttribute('aria-busy');
    }
  }

  const drop = (item) => {
    items = items.filter((other) => other !== item);
    paint();
  };

  function accept(item) {
    if (item.kind === 'duplicate') {
      if (live.notes.has(item.noteId) && live.notes.has(item.of)) {
        live.send('note.duplicate', { noteId: item.noteId, of: item.of });
        say(t('sug.duplicated'));
      }
      return drop(item);
    }
    const noteIds = usable(item);
    if (item.kind === 'join') {
      const cluster = live.clusters.get(item.clusterId);
      if (cluster && noteIds.length) {
        live.send('cluster.add', { clusterId: cluster.id, noteIds, version: cluster.version });
        say(t('clu.added', { name: cluster.name }));
      }
    } else if (noteIds.length) {
      const name = item.name.trim() || t('sug.untitled');
      live.send('cluster.create', { lane: item.lane, name, noteIds });
      say(t('clu.grouped', { name }));
    }
    return drop(item);
  }

  function noteRow(item, id) {
    const editable = item.kind !== 'duplicate';
    return h('li', { class: 'suggest-note' },
      h('span', { text: text(id) }),
      editable && h('button', { type: 'button', class: 'suggest-drop', text: '×', 'aria-label': t('sug.dropNote', { text: text(id) }),
        onclick: () => {
          item.noteIds = item.noteIds.filter((other) => other !== id);
          if (item.noteIds.length < (item.kind === 'join' ? 1 : 2)) drop(item);
          else paint();
        } }));
  }

  function card(item, index) {
    const number = index + 1;
    const heading = item.kind === 'duplicate' ? t('sug.duplicateTitle', { n: number })
      : item.kind === 'join' ? t('sug.joinTitle', { n: number, name: item.name })
        : t('sug.groupTitle', { n: number });
    const body = [];
    if (item.kind === 'group') {
      const id = `suggest-name-${item.key}`;
      body.push(h('label', { for: id, text: t('clu.name') }),
        h('input', { id, type: 'text', maxlength: '120', value: item.name,
          oninput: (event) => { item.name = event.target.value; } }));
    }
    if (item.kind !== 'duplicate') {
      body.push(h('p', { class: 'suggest-lane', text: grid.laneName(item.lane) }));
    }
    const notes = item.kind === 'duplicate'
      ? h('ul', { class: 'suggest-notes' }, noteRow(item, item.noteId),
        h('li', { class: 'suggest-link', text: t('sug.sameAs', { score: Math.round(item.score * 100) }) }), noteRow(item, item.of))
      : h('ul', { class: 'suggest-notes' }, item.noteIds.map((id) => noteRow(item, id)));
    return h('li', { class: `suggest-card suggest-${item.kind}`, dataset: { suggestion: item.key } },
      h('h3', { text: heading }), ...body, notes,
      h('div', { class: 'row' },
        h('button', { type: 'button', class: 'primary', text: t('sug.accept'), onclick: () => accept(item) }),
        h('button', { type: 'button', text: t('sug.dismiss'), onclick: () => drop(item) })));
  }

  function paint() {
    panel.hidden = items.length === 0;
    panel.replaceChildren(
      h('h2', { tabindex: '-1', text: t('sug.title') }),
      h('p', { class: 'hint', text: t('sug.hint') }),
      h('ol', { class: 'suggest-list' }, items.map(card)),
      h('button', { type: 'button', text: t('sug.dismissAll'), onclick: () => { items = []; paint(); button.focus(); } }));
    mark();
  }

  /** Marks the grid's notes that a shown suggestion holds, with the suggestion's number. */
  function mark() {
    document.querySelectorAll('#grid .suggest-badge').forEach((badge) => badge.remove());
    document.querySelectorAll('#grid .suggested').forEach((el) => el.classList.remove('suggested'));
    items.forEach((item, index) => {
      const ids = item.kind === 'duplicate' ? [item.noteId, item.of] : item.noteIds;
      for (const id of ids) {
        const el = document.querySelector(`#grid [data-note-id="${id}"]`);
        if (!el) continue;
        el.classList.add('suggested');
        el.prepend(h('span', { class: 'suggest-badge', text: item.kind === 'duplicate' ? `≈${index + 1}` : `${index + 1}`,
          title: t('sug.badge', { n: index + 1 }) }));
      }
    });
  }

  button.addEventListener('click', load);
  live.addEventListener('change', mark);
  panel.hidden = true;
}
