import { $, h } from '../shared/dom.js';
import { t } from '../shared/i18n.js';
import { ask } from './ask.js';

/**
 * A note's moderation actions, for its menu: hide or show it (hidden notes vanish for participants and the
 * projector), approve it when it waits for approval, redact its text (the new text replaces the old one everywhere,
 * the log included), and undo a "duplicate" mark. Each carries the version the moderator saw.
 */
export function noteModeration(live, say) {
  const hide = (note, hidden) => live.send('note.hide', { noteId: note.id, hidden, version: note.version });
  return (note) => {
    const items = [];
    if (note.held) {
      items.push({ key: 'approve', text: t('mod.approve'), run: () => {
        hide(note, false);
        say(t('mod.approved'));
      } });
      items.push({ key: 'hide', text: t('mod.hide'), run: () => {
        hide(note, true);
        say(t('mod.hiddenNews'));
      } });
    } else {
      const hiding = !note.hidden;
      items.push({ key: hiding ? 'hide' : 'show', text: hiding ? t('mod.hide') : t('mod.show'), run: () => {
        hide(note, hiding);
        say(hiding ? t('mod.hiddenNews') : t('mod.shownNews'));
      } });
    }
    if (note.text != null) {
      items.push({ key: 'redact', text: t('mod.redact'), run: async () => {
        const text = await ask({ title: t('mod.redactTitle'), text: t('mod.redactText'), ok: t('mod.redactYes'),
          input: { label: t('mod.redactLabel'), value: note.text, max: 500, multiline: true } });
        if (text && text !== note.text) {
          live.send('note.redact', { noteId: note.id, text });
          say(t('mod.redacted'));
        }
      } });
    }
    if (note.duplicateOf) {
      items.push({ key: 'not-duplicate', text: t('mod.notDuplicate'), run: () => {
        live.send('note.duplicate', { noteId: note.id, of: null, version: note.version });
      } });
    }
    return items;
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
