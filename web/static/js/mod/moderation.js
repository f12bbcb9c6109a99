import { $, h } from '../dom.js';
import { t } from '../i18n.js';
import { ask } from './ask.js';

/**
 * A note's moderation buttons: hide or show it (hidden notes vanish for participants and the projector), approve
 * it when it waits for approval, redact its text (the new text replaces the old one everywhere, the log included),
 * and undo a "duplicate" mark. Each carries the version the moderator saw.
 */
export function noteModeration(live, say) {
  return (note) => {
    const name = note.text ?? '';
    const buttons = [];
    if (note.held) {
      buttons.push(h('button', { type: 'button', class: 'primary', text: t('mod.approve'),
        'aria-label': `${t('mod.approve')}: ${name}`, onclick: () => {
          live.send('note.hide', { noteId: note.id, hidden: false, version: note.version });
          say(t('mod.approved'));
        } }));
    } else {
      const hide = !note.hidden;
      const word = hide ? t('mod.hide') : t('mod.show');
      buttons.push(h('button', { type: 'button', text: word, 'aria-label': `${word}: ${name}`, onclick: () => {
        live.send('note.hide', { noteId: note.id, hidden: hide, version: note.version });
        say(hide ? t('mod.hiddenNews') : t('mod.shownNews'));
      } }));
    }
    if (note.text != null) {
      buttons.push(h('button', { type: 'button', text: t('mod.redact'), 'aria-label': `${t('mod.redact')}: ${name}`,
        onclick: async () => {
          const text = await ask({ title: t('mod.redactTitle'), text: t('mod.redactText'), ok: t('mod.redactYes'),
            input: { label: t('mod.redactLabel'), value: note.text, max: 500, multiline: true } });
          if (text && text !== note.text) {
            live.send('note.redact', { noteId: note.id, text });
            say(t('mod.redacted'));
          }
        } }));
    }
    if (note.duplicateOf) {
      buttons.push(h('button', { type: 'button', text: t('mod.notDuplicate'),
        'aria-label': `${t('mod.notDuplicate')}: ${name}`, onclick: () => {
          live.send('note.duplicate', { noteId: note.id, of: null, version: note.version });
        } }));
    }
    return buttons;
  };
}

/** Radio buttons to dim every note without a tag, so the placements of foster and facility notes can be compared. */
export function bindTagFilter(grid, ui, redraw) {
  const box = $('#tag-filter');
  const choice = (value, text) => h('label', { class: 'check' },
    h('input', { type: 'radio', name: 'tag-filter', value, checked: value === ui.filter }), h('span', { text }));
  box.append(choice('', t('clu.filterAll')), ...grid.tags.map((tag) => choice(tag.key, grid.tagName(tag.key))));
  box.addEventListener('change', (event) => {
    ui.filter = event.target.value;
    redraw();
  });
  if (!grid.tags.length) box.hidden = true;
}
