import { $, h, uuid } from '../shared/dom.js';
import { lang, state, t } from '../shared/i18n.js';
import { LiveBoard } from '../shared/live.js';
import { gridOf } from '../shared/template.js';
import { buildGrid } from '../shared/grid.js';
import { counter, tagPicker, tickedTags } from '../shared/notes.js';
import { showStatus } from '../shared/status.js';
import { bindControls, bindShortcuts } from '../mod/controls.js';
import { bindPeople } from '../mod/people.js';
import { laneRenderer } from '../mod/cells.js';
import { bindArrows, bindSelection, bindToolbar, clusterActions } from '../mod/select.js';
import { bindDrag } from '../mod/drag.js';
import { bindTagFilter, noteModeration } from '../mod/moderation.js';
import { rotateButton } from '../shared/rotate.js';
import { bindVoteForm } from '../mod/voteform.js';
import { bindRounds } from '../mod/rounds.js';
import { bindProjectorKeys } from '../mod/projectorkeys.js';
import { bindSuggest } from '../mod/suggest.js';
import { bindBar } from '../mod/bar.js';
import { noteMenu } from '../mod/menu.js';
import { bindQueue } from '../mod/queue.js';
import { stickyOffsets } from '../mod/layout.js';
import { keepClusterAgreementFresh } from '../shared/react.js';
import { bindActions } from '../mod/actions.js';
import { markCarried } from '../action/plan.js';
import { bindAgenda } from '../mod/agenda.js';
import { announceNewNotes } from '../shared/announce.js';

/**
 * The moderator's page: the board first, the session controls in a compact bar whose buttons open panels (stage,
 * timer, notes, projector, votes, people, approval queue, links), the grid with clusters (select, group, drag and
 * drop, arrow keys), one menu of actions per note, and the dialogs to add, edit, move or delete any note.
 */
const grid = gridOf(state.template);
const live = new LiveBoard({ boardId: state.boardId, token: state.key, lang, outboxKey: `pb:outbox:m:${state.boardId}` });
const ui = { selectedNotes: [], selectedClusters: [], filter: '', sortedLanes: new Set() };
let newsTimer;
/** A short confirmation, announced and shown at the bottom of the window for a few seconds. */
const say = (message) => {
  $('#mod-news').textContent = '';
  clearTimeout(newsTimer);
  newsTimer = setTimeout(() => {
    $('#mod-news').textContent = message;
    newsTimer = setTimeout(() => { $('#mod-news').textContent = ''; }, 6000);
  }, 50);
};
let errorTimer;
const showError = (message) => {
  $('#mod-error').textContent = message;
  clearTimeout(errorTimer);
  errorTimer = setTimeout(() => { $('#mod-error').textContent = ''; }, 10000);
};
/**
 * Redraws the grid; a note or cluster that moved (say, into a new cluster) keeps the keyboard focus on the same
 * control (its select toggle or its menu button); a control that is gone (a merged or dissolved cluster) leaves the
 * focus where the action asked (ui.refocus), or else on the first control of its cell, never on the page's body.
 */
const redraw = () => {
  const active = document.activeElement;
  const nav = active?.closest?.('[data-nav]');
  const holder = nav && (nav.dataset.nav === 'note' ? nav.closest('[data-note-id]') : nav.closest('[data-cluster-id]'));
  const lane = active?.closest?.('#grid [data-lane]')?.dataset.lane;
  draw(live.view());
  markCarried($('#grid'), live.board);
  menuButton.redrawn();
  paintSelection();
  if (!active || active === document.body || active.isConnected) return;
  // the same control where the note or cluster is now (a redrawn neighbour may have taken the focus meanwhile)
  const selector = holder ? (holder.dataset.noteId ? `[data-note-id="${holder.dataset.noteId}"] .select-note`
    : `[data-cluster-id="${holder.dataset.clusterId}"] .cluster-title`) : null;
  const same = (selector && document.querySelector(`#grid ${selector}`)) || (active.id && document.getElementById(active.id));
  const lost = document.activeElement === document.body;
  const again = same || (lost && ((ui.refocus && document.getElementById(ui.refocus))
    || (lane && document.querySelector(`#grid [data-lane="${lane}"] [data-nav], #grid [data-lane="${lane}"] .cell-tools button`))));
  if (lost || same) ui.refocus = null;
  if (again) again.focus();
};
const actions = clusterActions({ live, ui, redraw, say });
const moderation = noteModeration(live, say);
const editor = $('#editor');
const confirm = $('#confirm');
let editing = null;
let deleting = null;
let returnFocus = null;

/** A note's menu: edit, delete, the moderation actions, and the spotlight; always on the note as it is now. */
const noteActions = (shown) => {
  if (shown.cluster) {
    const cluster = live.clusters.get(shown.cluster.id);
    return cluster ? [...actions.clusterItems(cluster), { key: 'spotlight', text: t('menu.spotlight'), run: () => {
      live.send('board.settings', { spotlight: cluster.id });
      say(t('clu.spotlit'));
    } }] : [];
  }
  const note = live.view().get(shown.id) || shown;
  if (note.deleting) return [];
  return [
    { key: 'edit', text: t('note.edit'), run: () => openEditor(note) },
    ...moderation(note),
    ...plan.menuItems(note),
    ...actions.noteItems(note),
    { key: 'spotlight', text: t('menu.spotlight'), run: () => {
      live.send('board.settings', { spotlight: note.id });
      say(t('clu.spotlit'));
    } },
    { key: 'delete', text: t('note.delete'), danger: true, run: () => openConfirm(note) },
  ];
};
const menuButton = noteMenu(noteActions);
const draw = buildGrid($('#grid'), grid, {
  showSent: true,
  counted: () => true, // the moderator's cells show every note, the hidden and held ones too
  cellTools: (lane) => h('div', { class: 'cell-tools' },
    // the spoken name starts with the visible words ("Add note"), so voice control finds it by what it shows
    h('button', { type: 'button', 'aria-label': t('mod.addNoteIn', { lane: grid.laneName(lane) }),
      onclick: () => openEditor({ lane, tags: [], text: '' }) },
    h('span', { 'aria-hidden': 'true', text: '+ ' }), t('mod.addNote')),
    h('button', { type: 'button', class: 'sort-agree', 'aria-pressed': 'false',
      'aria-label': t('react.sortIn', { lane: grid.laneName(lane) }), text: t('react.sort'),
      onclick: (event) => {
        const on = !ui.sortedLanes.has(lane);
        if (on) ui.sortedLanes.add(lane);
        else ui.sortedLanes.delete(lane);
        event.currentTarget.setAttribute('aria-pressed', String(on));
        redraw();
      } })),
  renderLane: laneRenderer({ grid, live, ui, menuButton }),
});
// on the moderator's laptop the phase names get a column of their own width, and "Add note" comes after the notes
$('#grid').style.gridTemplateColumns = `minmax(6.5rem, 8.5rem) repeat(${grid.dimensions.length}, minmax(0, 1fr)) repeat(${
  grid.extras.length}, minmax(0, 1.1fr))`;
for (const tools of document.querySelectorAll('#grid .cell-tools')) tools.parentElement.append(tools);
const openPanel = bindBar();
const plan = bindActions({ live, ui, say, openPanel });
stickyOffsets();
const paintSelection = bindToolbar(actions, ui);
bindSelection($('#grid'), ui, redraw);
bindArrows($('#grid'));
bindDrag($('#grid'), { live, ui, actions, say });
bindTagFilter(grid, ui, redraw);

/** What the spotlight shows, in words: a cluster's name or the start of a note. */
const describe = (id) => live.clusters.get(id)?.name ?? live.notes.get(id)?.text ?? '…';
const paintControls = bindControls(live, grid, describe);
const paintPeople = bindPeople(live, grid);
bindVoteForm(live, grid, say);
const paintRounds = bindRounds(live, grid, { resultTool: plan.resultTool });
const paintQueue = bindQueue(live, grid, say);
const agenda = bindAgenda(live, state.template, say);
bindShortcuts(live, {
  g: () => actions.group(), a: () => actions.add(), s: () => actions.spotlight(), n: () => agenda.next(),
  escape: () => actions.clear(),
});
bindProjectorKeys(live, grid, say);

$('#editor-lane').replaceChildren(...[...grid.lanes.values()].map((lane) => h('option', { value: lane.id, text: lane.name })));
const paintCounter = counter($('#editor-text'), $('#editor-counter'));

function openEditor(note) {
  editing = note.id ? note : null;
  returnFocus = document.activeElement;
  $('#editor-title').textContent = editing ? t('mod.editNote') : t('mod.newNote');
  $('#editor-lane').value = note.lane;
  $('#editor-text').value = note.text ?? '';
  $('#editor-tags').replaceChildren(tagPicker(grid, 'editor-tag', note.tags || []));
  paintCounter();
  editor.showModal();
  $('#editor-text').focus();
}

function openConfirm(note) {
  deleting = note;
  returnFocus = document.activeElement;
  $('#confirm-text').textContent = note.text ?? '';
  confirm.showModal();
  $('#confirm-cancel').focus();
}

/** Back to where the dialog was opened from: that control, the redrawn note's menu button, or the lane's "Add note". */
function restoreFocus(lane) {
  const again = returnFocus?.isConnected ? returnFocus : returnFocus?.id && document.getElementById(returnFocus.id);
  if (again) again.focus();
  else document.querySelector(`[data-lane="${lane}"] .cell-tools button`)?.focus();
}

$('#editor-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const text = $('#editor-text').value.trim();
  if (!text) {
    $('#editor-text').focus();
    return;
  }
  const lane = $('#editor-lane').value;
  const tags = tickedTags($('#editor-form'), 'editor-tag');
  if (!editing) {
    live.send('note.add', { noteId: uuid(), lane, tags, text });
  } else {
    if (text !== editing.text || JSON.stringify(tags) !== JSON.stringify(editing.tags || [])) {
      live.send('note.edit', { noteId: editing.id, text, tags });
    }
    if (lane !== editing.lane) live.send('note.move', { noteId: editing.id, lane });
  }
  editor.close();
  restoreFocus(lane);
});
$('#editor-cancel').addEventListener('click', () => editor.close());
editor.addEventListener('close', () => restoreFocus($('#editor-lane').value));
$('#confirm-cancel').addEventListener('click', () => confirm.close());
$('#confirm-delete').addEventListener('click', () => {
  live.send('note.delete', { noteId: deleting.id });
  const { lane } = deleting;
  confirm.close();
  restoreFocus(lane);
});

showStatus(live, $('#conn'));
live.addEventListener('change', () => {
  const known = (id) => live.notes.has(id) || live.clusters.has(id);
  ui.selectedNotes = ui.selectedNotes.filter(known);
  ui.selectedClusters = ui.selectedClusters.filter(known);
  redraw();
  paintControls();
  paintPeople();
  paintRounds();
  paintQueue();
  plan.paint();
  agenda.paint();
  paintFocus(live.board?.focus);
  paintJoinCode(live.board?.joinCode);
});
live.addEventListener('rejected', ({ detail }) => {
  if (detail.error.code === 'conflict') {
    showError(t('mod.conflict', { message: detail.error.message }));
    live.refresh();
  } else {
    showError(t('mod.rejected', { message: detail.error.message }));
  }
});
live.addEventListener('fatal', ({ detail }) => {
  $('#mod-error').textContent = detail.code === 'rotated' ? t('mod.rotatedAway') : detail.message;
});
live.addEventListener('change', () => {
  if (live.role === 'organiser' && !$('#rotate-slot').children.length) {
    $('#rotate-slot').append(rotateButton(state.boardId, state.key, (links) => {
      $('#projector-link').href = links.projectorUrl;
      $('#projector-open').href = links.projectorUrl;
    }));
  }
});
bindSuggest({ live, state, grid, say });
announceNewNotes(live, grid, { counted: () => true });
keepClusterAgreementFresh(live);
live.start();

/** The phase open for posting is marked on its row and cells (the bar's focus select says it in words). */
function paintFocus(focus) {
  for (const head of document.querySelectorAll('#grid .row-head')) {
    head.classList.toggle('is-focus', head.dataset.phase === focus);
  }
  for (const cell of document.querySelectorAll('#grid .cell')) {
    cell.classList.toggle('is-focus', Boolean(focus) && cell.dataset.lane.startsWith(`${focus}:`));
  }
}

/** After the join code was replaced, the links box shows the new code, link and QR code. */
function paintJoinCode(code) {
  if (!code || $('#join-code').textContent === code) return;
  const url = state.joinUrl.replace(state.joinCode, code);
  $('#join-code').textContent = code;
  $('#join-url').textContent = url;
  $('#join-url').href = url;
  $('#join-qr').src = `/j/${code}/qr.svg`;
  $('#join-qr').alt = `${t('proj.scan')}: ${url}`;
}
