import { h } from './dom.js';
import { t } from './i18n.js';
import { agreementBadge } from './react.js';

/** The signature of what a note card shows, so unchanged cards are kept as they are. */
export function noteSignature(note, extra = '') {
  return JSON.stringify([note.text, note.tags, note.pending, note.deleting, note.mine, note.hidden,
    note.byModerator, note.held, note.duplicateOf, note.author, note.reactions, note.reacted, extra]);
}

/**
 * A note card: its text as text, its tags as words, and who wrote it and whether it was sent, as words too; how many
 * agreed ("Me too") unless `agreement` is off (the phone shows it on its toggle).
 */
export function noteCard(note, grid, { showSent = false, showAuthor = false, actions = [], agreement = true } = {}) {
  const dimension = note.lane.split(':')[1];
  const badges = [];
  if (note.mine) badges.push(h('span', { class: 'badge badge-mine', text: t('note.yours') }));
  if (note.byModerator && !note.mine) badges.push(h('span', { class: 'badge badge-mod', text: t('note.byModerator') }));
  if (note.held) badges.push(h('span', { class: 'badge badge-held', text: t('note.held') }));
  else if (note.hidden) badges.push(h('span', { class: 'badge badge-hidden', text: t('note.hidden') }));
  if (note.duplicateOf) badges.push(h('span', { class: 'badge badge-dup', text: t('note.duplicate') }));
  if (agreement && agreementBadge(note)) badges.push(agreementBadge(note));
  if (showAuthor && note.author) badges.push(h('span', { class: 'badge badge-author', text: note.author }));
  if (showSent && (note.mine || note.pending)) {
    const state = note.deleting ? 'deleting' : note.pending ? 'pending' : 'sent';
    badges.push(h('span', { class: `send-state send-${state}`, dataset: { sendState: state },
      text: t(`note.${state}`) }));
  }
  return h('li', { class: `note${note.pending ? ' is-pending' : ''}${note.deleting ? ' is-deleting' : ''}${
    note.hidden ? ' is-hidden' : ''}`,
    dataset: { noteId: note.id, dim: dimension || 'extra' } },
  h('p', { class: 'note-text', text: note.text ?? '' }),
  note.tags?.length
    ? h('ul', { class: 'tags', 'aria-label': t('note.tags') },
      note.tags.map((tag) => h('li', { class: `tag tag-${tag}`, text: grid.tagName(tag) })))
    : null,
  badges.length ? h('p', { class: 'note-meta' }, badges) : null,
  actions.length ? h('div', { class: 'note-actions' }, actions) : null);
}

/** Tag checkboxes for a form, ticked as given. */
export function tagPicker(grid, name, ticked = []) {
  return h('fieldset', { class: 'tag-picker' },
    h('legend', { text: t('note.tags') }),
    grid.tags.map((tag) => h('label', { class: 'check' },
      h('input', { type: 'checkbox', name, value: tag.key, checked: ticked.includes(tag.key) }),
      h('span', { text: grid.tagName(tag.key) }))));
}

export function tickedTags(form, name) {
  return [...form.querySelectorAll(`input[name="${name}"]:checked`)].map((input) => input.value);
}

/** A live "n of 500 characters" counter under a textarea. */
export function counter(textarea, output) {
  const max = Number(textarea.getAttribute('maxlength')) || 500;
  const paint = () => {
    const n = [...textarea.value].length;
    output.textContent = t('note.counter', { n, max });
    output.classList.toggle('near-limit', n > max - 50);
  };
  textarea.addEventListener('input', paint);
  paint();
  return paint;
}

/**
 * Stops a paste, drop or inserted text that would take a textarea past its limit, before the browser cuts it:
 * nothing changes and `refuse(n, max)` is told how long the text would have been.
 */
export function guardLength(textarea, refuse) {
  const max = Number(textarea.getAttribute('maxlength')) || 500;
  const length = (value) => [...value].length;
  const after = (inserted) => {
    const { value, selectionStart, selectionEnd } = textarea;
    return length(value.slice(0, selectionStart)) + length(inserted) + length(value.slice(selectionEnd));
  };
  const check = (event, inserted) => {
    if (inserted == null) return;
    const n = after(inserted);
    if (n <= max) return;
    event.preventDefault();
    refuse(n, max);
  };
  textarea.addEventListener('paste', (event) => check(event, event.clipboardData?.getData('text/plain')));
  textarea.addEventListener('drop', (event) => check(event, event.dataTransfer?.getData('text/plain')));
  textarea.addEventListener('beforeinput', (event) => {
    if (event.inputType === 'insertFromPaste' || event.inputType === 'insertFromDrop') return; // checked above
    if (event.inputType?.startsWith('insert')) check(event, event.data ?? event.dataTransfer?.getData('text/plain'));
  });
}

/** Whether a participant or the projector should show a note at all: hidden notes vanish unless they are one's own. */
export function shownToAll(note) {
  return !note.hidden || note.mine;
}
