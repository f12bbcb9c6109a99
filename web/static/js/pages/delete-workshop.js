/** The organiser deletes the workshop: only after typing its title, with a reminder to download first. */
import { $ } from '../shared/dom.js';
import { state, t } from '../shared/i18n.js';

const form = $('#delete-workshop');
if (form) {
  const input = $('#delete-confirm');
  const button = form.querySelector('button[type="submit"]');
  const status = $('#delete-status');
  const title = (state.workshop?.title ?? '').trim();
  input.addEventListener('input', () => { button.disabled = input.value.trim() !== title; });
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (input.value.trim() !== title) return;
    button.disabled = true;
    try {
      const response = await fetch(`/api/workshops/${encodeURIComponent(state.workshop.id)}`, {
        method: 'DELETE',
        headers: { Authorization: `Bearer ${state.organiserKey}` },
      });
      if (response.status === 204) {
        const main = $('#main');
        main.replaceChildren();
        const done = document.createElement('p');
        done.className = 'notice';
        done.setAttribute('role', 'status');
        done.textContent = t('export.delete.done');
        main.append(done);
        return;
      }
      const body = await response.json().catch(() => ({}));
      status.textContent = t('export.delete.failed', { message: body.error?.message ?? response.status });
    } catch (e) {
      status.textContent = t('export.delete.failed', { message: e.message });
    }
    button.disabled = false;
  });
}
