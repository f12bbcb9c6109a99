import { $, h, syncList } from '../shared/dom.js';
import { t } from '../shared/i18n.js';
import { tn } from './plural.js';

/**
 * The approval queue: with "approve before showing" on, participants' notes wait here, oldest first, each whole
 * beside its buttons, with their count on the bar. "Approve" shows one (`note.hide {hidden:false}`), "Hide" takes it out of the queue and keeps it
 * off the board (`note.hide {hidden:true}`), "Approve all" approves every note listed, one op each. A note whose op
 * is on its way leaves the list at once.
 */
export function bindQueue(live, grid, say) {
  const deciding = () => new Set(live.outbox.filter((entry) => entry.op === 'note.hide').map((e) => e.data.noteId));
  const waiting = () => {
    const busy = deciding();
    // the board's notes come in the order they were written: the oldest waits at the top, read and decided first
    return [...live.view().values()].filter((note) => note.held && !note.deleting && !busy.has(note.id));
  };
  const decide = (note, hidden) => live.send('note.hide', { noteId: note.id, hidden, version: note.version });

  $('#queue-approve-all').addEventListener('click', () => {
    const notes = waiting();
    for (const note of notes) decide(note, false);
    if (notes.length) say(tn('queue.approvedAll', notes.length));
    $('#panel-queue-heading').focus();
  });
  $('#panel-queue-heading').tabIndex = -1;

  function row(note) {
    const text = note.text ?? '';
    return h('li', { class: 'queue-item', dataset: { noteId: note.id } },
      h('div', { class: 'queue-note' },
        h('p', { class: 'queue-text', text }),
        h('p', { class: 'queue-lane', text: [grid.laneName(note.lane), ...(note.tags || []).map((tag) => grid.tagName(tag))]
          .join(' · ') })),
      h('div', { class: 'queue-actions' },
        h('button', { type: 'button', class: 'primary', text: t('queue.approve'),
          'aria-label': t('queue.approveWho', { text }), onclick: () => {
            focusNext(note.id);
            decide(note, false);
            say(t('mod.approved'));
          } }),
        h('button', { type: 'button', text: t('queue.hide'), 'aria-label': t('queue.hideWho', { text }), onclick: () => {
          focusNext(note.id);
          decide(note, true);
          say(t('queue.hidden'));
        } })));
  }

  /** The focus goes to the next note's first button (or the heading) before the decided note leaves the list. */
  function focusNext(noteId) {
    const items = [...$('#queue').children];
    const at = items.findIndex((li) => li.dataset.noteId === noteId);
    const next = items[at + 1] || items[at - 1];
    (next?.querySelector('button') || $('#panel-queue-heading')).focus();
  }

  return function paint() {
    const notes = waiting();
    const on = Boolean(live.board?.settings?.approveNotes);
    $('#bar-queue').hidden = !on && !notes.length;
    $('#bar-queue').classList.toggle('has-items', notes.length > 0);
    $('#queue-count').textContent = String(notes.length);
    $('#bar-queue').setAttribute('aria-label', `${t('queue.bar')}: ${tn('queue.count', notes.length)}`);
    $('#queue-summary').textContent = notes.length ? tn('queue.summary', notes.length)
      : on ? t('queue.empty') : t('queue.off');
    $('#queue-approve-all').hidden = notes.length < 1;
    $('#queue-approve-all').textContent = tn('queue.approveAll', notes.length);
    syncList($('#queue'), notes, (note) => note.id, (note) => JSON.stringify([note.text, note.lane, note.tags]), row);
  };
}
