import { $ } from '../shared/dom.js';
import { t } from '../shared/i18n.js';
import { ask } from './ask.js';
import { tn } from './plural.js';

/**
 * The clustering actions on a selection of notes and clusters, shared by the toolbar, the keyboard shortcuts
 * and drag and drop. Every op carries the version the moderator saw, so a stale one gets `conflict`.
 */
export function clusterActions({ live, ui, redraw, say }) {
  const notes = () => ui.selectedNotes.map((id) => live.notes.get(id)).filter(Boolean);
  const clusters = () => ui.selectedClusters.map((id) => live.clusters.get(id)).filter(Boolean);
  const oneLane = (items) => (new Set(items.map((item) => item.lane)).size === 1 ? items[0].lane : null);
  const clear = () => {
    ui.selectedNotes = [];
    ui.selectedClusters = [];
    redraw();
  };
  const nameRule = (value) => ([...value].length > 120 ? t('clu.nameTooLong') : null);

  async function group(noteIds = ui.selectedNotes, suggestion = '') {
    const chosen = noteIds.map((id) => live.notes.get(id)).filter(Boolean);
    if (!chosen.length) return say(t('clu.needNotes'));
    const lane = oneLane(chosen);
    if (!lane) return say(t('clu.oneLane'));
    const name = await ask({ title: tn('clu.groupTitle', chosen.length), ok: t('clu.groupOk'),
      input: { label: t('clu.name'), value: suggestion }, validate: nameRule });
    if (!name) return null;
    live.send('cluster.create', { lane, name, noteIds: chosen.map((note) => note.id) });
    clear();
    return say(t('clu.grouped', { name }));
  }

  function addTo(cluster, noteIds = ui.selectedNotes) {
    const chosen = noteIds.map((id) => live.notes.get(id)).filter(Boolean);
    if (!cluster || !chosen.length) return say(t('clu.needNotesAndCluster'));
    if (chosen.some((note) => note.lane !== cluster.lane)) return say(t('clu.oneLane'));
    live.send('cluster.add', { clusterId: cluster.id, noteIds: chosen.map((note) => note.id), version: cluster.version });
    clear();
    return say(t('clu.added', { name: cluster.name }));
  }

  function removeFromCluster(noteIds = ui.selectedNotes) {
    const ids = noteIds.filter((id) => live.notes.get(id)?.clusterId);
    if (!ids.length) return say(t('clu.needClustered'));
    live.send('cluster.remove', { noteIds: ids });
    clear();
    return say(tn('clu.removed', ids.length));
  }

  async function rename(cluster = clusters()[0]) {
    if (!cluster) return say(t('clu.needCluster'));
    const name = await ask({ title: t('clu.renameTitle'), ok: t('clu.renameOk'),
      input: { label: t('clu.name'), value: cluster.name }, validate: nameRule });
    if (!name || name === cluster.name) return null;
    live.send('cluster.rename', { clusterId: cluster.id, name, version: cluster.version });
    return say(t('clu.renamed', { name }));
  }

  function merge(from = clusters().slice(1), into = clusters()[0]) {
    if (!into || !from.length) return say(t('clu.needTwoClusters'));
    if (from.some((cluster) => cluster.lane !== into.lane)) return say(t('clu.oneLane'));
    for (const cluster of from) {
      live.send('cluster.merge', { clusterId: cluster.id, intoClusterId: into.id, version: cluster.version });
    }
    clear();
    return say(t('clu.merged', { name: into.name }));
  }

  async function dissolve(chosen = clusters()) {
    if (!chosen.length) return say(t('clu.needCluster'));
    const yes = await ask({ title: t('clu.dissolveTitle', { names: chosen.map((c) => c.name).join(', ') }),
      text: t('clu.dissolveText'), ok: t('clu.dissolveOk'), danger: true });
    if (!yes) return null;
    for (const cluster of chosen) live.send('cluster.dissolve', { clusterId: cluster.id, version: cluster.version });
    clear();
    return say(t('clu.dissolved'));
  }

  function duplicate() {
    const [original, copy] = notes();
    if (!copy || ui.selectedNotes.length !== 2) return say(t('clu.needTwoNotes'));
    live.send('note.duplicate', { noteId: copy.id, of: original.id, version: copy.version });
    clear();
    return say(t('clu.duplicated'));
  }

  function spotlight() {
    const focused = document.activeElement?.closest('[data-cluster-id], [data-note-id]');
    const chosen = [...ui.selectedNotes, ...ui.selectedClusters];
    const id = chosen.length === 1 ? chosen[0]
      : focused?.dataset.clusterId || focused?.dataset.noteId || null;
    if (!id) return say(t('clu.needOne'));
    live.send('board.settings', { spotlight: id });
    return say(t('clu.spotlit'));
  }

  /** "Add to cluster" with the keyboard: the one selected cluster, or the one to pick in the notes' lane. */
  async function add() {
    const chosen = notes();
    const target = clusters()[0];
    if (target) return addTo(target);
    const lane = chosen.length ? oneLane(chosen) : null;
    if (!lane) return say(chosen.length ? t('clu.oneLane') : t('clu.needNotes'));
    const options = [...live.clusters.values()].filter((cluster) => cluster.lane === lane)
      .map((cluster) => ({ value: cluster.id, label: cluster.name }));
    if (!options.length) return say(t('clu.noClusterInLane'));
    const id = await ask({ title: tn('clu.addTitle', chosen.length), ok: t('clu.addOk'),
      choices: { label: t('clu.cluster'), options } });
    return id ? addTo(live.clusters.get(id)) : null;
  }

  /** One cluster of the lane to choose (not `except`), in the dialog; null when cancelled or there is none. */
  async function chooseCluster({ title, ok, lane, except = null }) {
    const options = [...live.clusters.values()].filter((cluster) => cluster.lane === lane && cluster.id !== except)
      .sort((a, b) => a.name.localeCompare(b.name)).map((cluster) => ({ value: cluster.id, label: cluster.name }));
    if (!options.length) {
      say(except ? t('clu.noOtherCluster') : t('clu.noClusterInLane'));
      return null;
    }
    const id = await ask({ title, ok, choices: { label: t('clu.cluster'), options } });
    return id ? live.clusters.get(id) ?? null : null;
  }

  /**
   * A note's and a cluster's clustering actions, for their menus (the keyboard's way to cluster, beside selecting
   * and dragging): a new cluster with the note, add it to a cluster or move it to another one, take it out; rename
   * a cluster, merge it into another one, dissolve it. Only while clustering is allowed (collecting, clustering).
   */
  const clusteringOpen = () => ['collecting', 'clustering'].includes(live.board?.stage);

  function noteItems(note) {
    if (!clusteringOpen() || note.pending || note.deleting) return [];
    const others = [...live.clusters.values()].some((c) => c.lane === note.lane && c.id !== note.clusterId);
    const items = [{ key: 'cluster-new', text: t('clu.menuNew'), run: () => group([note.id]) }];
    if (others) {
      items.push({ key: note.clusterId ? 'cluster-move' : 'cluster-add',
        text: note.clusterId ? t('clu.menuMove') : t('clu.menuAdd'), run: async () => {
          const target = await chooseCluster({ lane: note.lane, except: note.clusterId,
            title: note.clusterId ? t('clu.moveTitle') : tn('clu.addTitle', 1),
            ok: note.clusterId ? t('clu.moveOk') : t('clu.addOk') });
          if (target) addTo(target, [note.id]);
        } });
    }
    if (note.clusterId) items.push({ key: 'cluster-out', text: t('clu.menuOut'), run: () => removeFromCluster([note.id]) });
    return items;
  }

  function clusterItems(cluster) {
    if (!clusteringOpen()) return [];
    return [
      { key: 'cluster-rename', text: t('clu.menuRename'), run: () => rename(cluster) },
      { key: 'cluster-merge', text: t('clu.menuMerge'), run: async () => {
        const into = await chooseCluster({ lane: cluster.lane, except: cluster.id,
          title: t('clu.mergeTitle', { name: cluster.name }), ok: t('clu.mergeOk') });
        if (!into) return;
        ui.refocus = `menu-c-${into.id}`; // this cluster's menu goes with it: the focus goes to the one kept
        merge([cluster], into);
      } },
      { key: 'cluster-dissolve', text: t('clu.menuDissolve'), danger: true, run: () => dissolve([cluster]) },
    ];
  }

  return { group, add, addTo, remove: removeFromCluster, rename, merge, dissolve, duplicate, spotlight, clear,
    noteItems, clusterItems };
}

/** Toggles a note or cluster in the selection when its select button is pressed (click, Space or Enter). */
export function bindSelection(container, ui, redraw) {
  container.addEventListener('click', (event) => {
    const button = event.target.closest('[data-nav]');
    if (!button) return;
    const list = button.dataset.nav === 'note' ? ui.selectedNotes : ui.selectedClusters;
    const id = button.closest(button.dataset.nav === 'note' ? '[data-note-id]' : '[data-cluster-id]').dataset[
      button.dataset.nav === 'note' ? 'noteId' : 'clusterId'];
    const at = list.indexOf(id);
    if (at >= 0) list.splice(at, 1);
    else list.push(id);
    redraw();
  });
}

/** Arrow keys: up and down within a cell, left and right to the neighbouring cells; Home and End too. */
export function bindArrows(container) {
  container.addEventListener('keydown', (event) => {
    const current = event.target.closest('[data-nav]');
    if (!current || !['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'Home', 'End'].includes(event.key)) return;
    const cells = [...container.querySelectorAll('.cell')];
    const cell = current.closest('.cell');
    const inCell = [...cell.querySelectorAll('[data-nav]')];
    const at = inCell.indexOf(current);
    let next = null;
    if (event.key === 'ArrowDown') next = inCell[at + 1];
    else if (event.key === 'ArrowUp') next = inCell[at - 1];
    else if (event.key === 'Home') next = inCell[0];
    else if (event.key === 'End') next = inCell[inCell.length - 1];
    else {
      const step = event.key === 'ArrowRight' ? 1 : -1;
      for (let i = cells.indexOf(cell) + step; i >= 0 && i < cells.length && !next; i += step) {
        const targets = cells[i].querySelectorAll('[data-nav]');
        next = targets[Math.min(at, targets.length - 1)] || null;
      }
    }
    if (next) {
      event.preventDefault();
      next.focus();
    }
  });
}

/** The toolbar's buttons, and the line that says what is selected. */
export function bindToolbar(actions, ui) {
  for (const button of document.querySelectorAll('#cluster-bar [data-act]')) {
    button.addEventListener('click', () => actions[button.dataset.act]());
  }
  return () => {
    const n = ui.selectedNotes.length;
    const c = ui.selectedClusters.length;
    $('#selection-summary').textContent = n || c
      ? t('clu.selectedBoth', { notes: tn('clu.nNotes', n), clusters: tn('clu.nClusters', c) }) : t('clu.nothingSelected');
  };
}
