/**
 * The organiser page's data protection section (issue 22): the retention date, changed in place; the warning from
 * 30 days before it; the consent counts and where the data lives.
 */
import { $ } from '../shared/dom.js';
import { state, t } from '../shared/i18n.js';

const facts = state.dataProtection;
if (facts) {
  const warning = $('#retention-warning');
  const paintWarning = (date, warn) => {
    warning.hidden = !warn;
    warning.textContent = warn ? t('dp.warn', { date }) : '';
  };
  paintWarning(facts.retainUntil, facts.warn);
  $('#dp-counts').textContent = t('dp.counts', facts);
  $('#dp-where').textContent = t('dp.where', {
    location: state.dataLocation === 'DATABASE_URL' ? t('dp.whereExternal') : state.dataLocation,
  });

  const form = $('#retention-form');
  const input = $('#retain-until');
  const status = $('#retain-status');
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const button = form.querySelector('button');
    button.disabled = true;
    try {
      const response = await fetch(`/api/workshops/${encodeURIComponent(state.workshop.id)}/retention`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${state.organiserKey}` },
        body: JSON.stringify({ retainUntil: input.value }),
      });
      const body = await response.json().catch(() => ({}));
      if (!response.ok) throw new Error(body.error?.message ?? String(response.status));
      input.removeAttribute('aria-invalid');
      status.textContent = t('dp.retentionSaved', { date: body.retainUntil });
      const days = (Date.parse(body.retainUntil) - Date.parse(facts.today)) / 86_400_000;
      paintWarning(body.retainUntil, days <= 30);
    } catch (failure) {
      input.setAttribute('aria-invalid', 'true');
      status.textContent = t('dp.retentionFailed', { message: failure.message });
    } finally {
      button.disabled = false;
    }
  });
}
