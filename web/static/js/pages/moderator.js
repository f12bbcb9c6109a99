import { $, h, uuid } from '../dom.js';
import { lang, state, t } from '../i18n.js';
import { LiveBoard } from '../live.js';
import { gridOf } from '../template.js';
import { buildGrid } from '../grid.js';
import { counter, tagPicker, tickedTags } from '../notes.js';
import { showStatus } from '../status.js';

/** The moderator's grid: add a note in any lane, edit, move or delete any note, all with buttons and dialogs. */
const grid = gridOf(state.template);
const live = new LiveBoard({ boardId: state.boardId, token: state.key, lang, outboxKey: `pb:outbox:m:${state.boardId}` });
const editor = $('#editor');
const confirm = $('#confirm');
let editing = null;
let deleting = null;
let returnFocus = null;

const draw = buildGrid($('#grid'), grid, {
  showSent: true,
  cellTools: (lane) => h('div', { class: 'cell-tools' },
    h('button', { type: 'button', text: t('mod.addNote'), 'aria-label': t('mod.addNoteIn', { lane: grid.laneName(lane) }),
      onclick: () => openEditor({ lane, tags: [], text: '' }) })),
  noteActions: (note) => (note.deleting ? [] : [
    h('button', { type: 'button', text: t('note.edit'), 'aria-label': `${t('note.edit')}: ${note.text ?? ''}`,
      onclick: () => openEditor(note) }),
    h('button', { type: 'button', class: 'danger', text: t('note.delete'),
      'aria-label': `${t('note.delete')}: ${note.text ?? ''}`, onclick: () => openConfirm(note) }),
  ]),
});

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

function restoreFocus(lane) {
  if (returnFocus?.isConnected) returnFocus.focus();
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
live.addEventListener('change', () => draw(live.view()));
live.addEventListener('rejected', ({ detail }) => {
  $('#mod-error').textContent = t('note.rejected', { message: detail.error.message });
});
live.addEventListener('fatal', ({ detail }) => {
  $('#mod-error').textContent = detail.message;
});
live.start();
