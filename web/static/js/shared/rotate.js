import { h } from './dom.js';
import { t } from './i18n.js';

/**
 * The organiser's "replace links" action for one board: a dialog to choose the moderator link, the projector link
 * and the join code, then the new links from the server. The old ones stop working at once.
 */
export function rotateButton(boardId, organiserKey, onRotated = () => {}) {
  const result = h('p', { class: 'rotate-result', role: 'status' });
  const boxes = ['moderator', 'projector', 'joinCode'].map((what) => h('label', { class: 'check' },
    h('input', { type: 'checkbox', name: 'rotate', value: what, checked: what !== 'joinCode' }),
    h('span', { text: t(`rotate.${what}`) })));
  const error = h('p', { class: 'alert', role: 'alert' });
  const dialog = h('dialog', { 'aria-labelledby': `rotate-title-${boardId}` },
    h('form', { method: 'dialog', onsubmit: (event) => { event.preventDefault(); submit(); } },
      h('h2', { id: `rotate-title-${boardId}`, text: t('rotate.title') }),
      h('p', { text: t('rotate.warning') }),
      h('fieldset', {}, h('legend', { text: t('rotate.which') }), boxes),
      error,
      h('div', { class: 'dialog-buttons' },
        h('button', { type: 'button', text: t('note.cancel'), onclick: () => dialog.close() }),
        h('button', { type: 'submit', class: 'danger', text: t('rotate.confirm') }))));
  const button = h('button', { type: 'button', class: 'danger', text: t('rotate.button'), onclick: () => {
    error.textContent = '';
    dialog.showModal();
  } });
  dialog.addEventListener('close', () => button.focus());

  async function submit() {
    const body = {};
    for (const box of dialog.querySelectorAll('input[name="rotate"]')) if (box.checked) body[box.value] = true;
    if (!Object.keys(body).length) {
      error.textContent = t('rotate.chooseOne');
      return;
    }
    try {
      const response = await fetch(`/api/boards/${boardId}/rotate`, { method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${organiserKey}` },
        body: JSON.stringify(body) });
      const answer = await response.json().catch(() => ({}));
      if (!response.ok) {
        error.textContent = t('rotate.failed', { message: answer.error?.message || response.statusText });
        return;
      }
      dialog.close();
      result.replaceChildren(h('span', { text: t('rotate.done') }), ' ',
        ...linkList(answer));
      onRotated(answer);
    } catch {
      error.textContent = t('new.networkError');
    }
  }
  return h('div', { class: 'rotate' }, button, dialog, result);
}

function linkList(links) {
  return [
    h('span', { text: `${t('org.joinCode')}: ${links.joinCode}` }), ' · ',
    h('a', { href: links.moderatorUrl, text: t('org.moderator') }), ' · ',
    h('a', { href: links.projectorUrl, text: t('org.projector') }),
  ];
}
