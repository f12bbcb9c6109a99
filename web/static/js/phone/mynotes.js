import { $, h, syncList } from '../shared/dom.js';
import { state, t } from '../shared/i18n.js';
import { guardLength, noteCard, noteSignature, tagPicker, tickedTags } from '../shared/notes.js';
import { gridOf } from '../shared/template.js';
import { say } from './phone.js';

const grid = gridOf(state.template);

/** Whether a participant may change their notes now, as the server's rule says (NoteRules.participantMayWrite). */
export function mayChangeNotes(board) {
  if (!board) return false;
  if (board.stage === 'closed') return false;
  return board.stage === 'collecting' || Boolean(board.settings?.lateNotes);
}

/** This phone's own notes on the board, newest first, those being deleted left out. */
export function myNotes(live) {
  return [...live.view().values()].filter((note) => note.mine && !note.deleting).reverse();
}

/** Where a note of one's own stands, in words: waiting to be sent, waiting for approval, hidden, secret or shown. */
function standing(note) {
  if (note.pending) return 'sending';
  if (note.held) return 'held';
  if (note.hidden) return 'hidden';
  if (note.secret) return 'secret';
  return 'shown';
}

/**
 * "My notes" (issue 22): every note this participant wrote on this board, with its lane and whether it is shown,
 * hidden by a moderator or waiting for approval; edit and delete while the board's stage allows. Drawn on every
 * change of the board while its view is open.
 */
export function bindMyNotes(live) {
  const ui = { editing: null, confirming: null };
  const list = $('#mynotes-list');
  const status = $('#mynotes-status');

  const draw = () => {
    if ($('#mynotes-view').hidden) return;
    const notes = myNotes(live);
    const open = mayChangeNotes(live.board);
    $('#mynotes-count').textContent = notes.length ? t('mynotes.count', { n: notes.length }) : t('mynotes.none');
    $('#mynotes-readonly').hidden = open || !notes.length;
    const mode = (note) => (!open ? 'read' : ui.editing === note.id ? 'edit' : ui.confirming === note.id ? 'confirm' : '');
    syncList(list, notes, (note) => note.id, (note) => noteSignature(note, `${mode(note)}|${note.lane}|${standing(note)}`),
      (note) => (mode(note) === 'edit' ? editCard(note) : card(note, mode(note))));
  };
  const reset = () => { ui.editing = null; ui.confirming = null; draw(); };

  function card(note, mode) {
    let actions = [];
    if (mode === 'confirm') {
      actions = [
        h('button', { type: 'button', class: 'danger', text: t('note.deleteYes'), onclick: () => {
          live.send('note.delete', { noteId: note.id });
          reset();
        } }),
        h('button', { type: 'button', text: t('note.cancel'), onclick: reset }),
      ];
    } else if (mode === '') {
      actions = [
        h('button', { type: 'button', text: t('note.edit'), 'aria-label': `${t('note.edit')}: ${note.text}`,
          onclick: () => { ui.editing = note.id; ui.confirming = null; draw(); focusIn(note.id, 'textarea'); } }),
        h('button', { type: 'button', class: 'danger', text: t('note.delete'), 'aria-label': `${t('note.delete')}: ${note.text}`,
          onclick: () => { ui.confirming = note.id; ui.editing = null; draw(); focusIn(note.id, 'button'); } }),
      ];
    }
    const element = noteCard(note, grid, { showSent: true, actions });
    element.prepend(h('p', { class: 'mynote-where', text: grid.laneName(note.lane) }));
    const where = standing(note);
    element.querySelector('.note-text').after(h('p', { class: 'mynote-state', dataset: { state: where },
      text: t(`mynotes.${where}`) }));
    if (mode === 'confirm') element.prepend(h('p', { class: 'confirm', text: t('note.confirmDelete') }));
    return element;
  }

  function editCard(note) {
    const id = `mine-edit-${note.id}`;
    const area = h('textarea', { id, maxlength: 500, rows: 4 });
    area.value = note.text || '';
    guardLength(area, (n, max) => say(status, t('note.tooLong', { n, max })));
    const form = h('form', { class: 'edit-form', 'aria-label': t('note.editing'), onsubmit: (event) => {
      event.preventDefault();
      const edited = area.value.trim();
      if (!edited) return;
      live.send('note.edit', { noteId: note.id, text: edited, tags: tickedTags(form, `mine-tag-${note.id}`) });
      reset();
    } },
    h('p', { class: 'mynote-where', text: grid.laneName(note.lane) }),
    h('label', { for: id, text: t('note.text') }), area,
    tagPicker(grid, `mine-tag-${note.id}`, note.tags || []),
    h('div', { class: 'note-actions' },
      h('button', { type: 'submit', class: 'primary', text: t('note.save') }),
      h('button', { type: 'button', text: t('note.cancel'), onclick: reset })));
    return h('li', { class: 'note', dataset: { noteId: note.id, dim: note.lane.split(':')[1] || 'extra' } }, form);
  }

  live.addEventListener('change', draw);
  live.addEventListener('rejected', ({ detail }) => {
    if (!$('#mynotes-view').hidden && detail.entry?.op?.startsWith('note.')) {
      say(status, t('note.rejected', { message: detail.error.message }));
    }
  });
  return { draw, reset };
}

function focusIn(noteId, selector) {
  document.querySelector(`#mynotes-list [data-note-id="${noteId}"] ${selector}`)?.focus();
}
