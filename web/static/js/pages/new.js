import { $ } from '../shared/dom.js';
import { lang, t } from '../shared/i18n.js';
import { bindTemplateChoice, chosenTemplate, showProblems } from '../organiser/newtemplate.js';

/** Creates a workshop through the API and opens its organiser page on this same server. */
const form = $('#new-workshop');
const error = $('#new-error');

bindTemplateChoice(form);
if (!form.querySelector('input[name="language"]:checked')) {
  form.querySelector(`input[name="language"][value="${lang}"]`).checked = true;
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  error.textContent = '';
  const title = form.elements.title.value.trim();
  if (!title) {
    form.elements.title.setAttribute('aria-invalid', 'true');
    form.elements.title.focus();
    error.textContent = t('new.failed', { message: t('new.fieldTitle') });
    return;
  }
  form.elements.title.removeAttribute('aria-invalid');
  const body = { title, language: form.elements.language.value };
  const place = form.elements.place.value.trim();
  const date = form.elements.date.value;
  const privacy = form.elements.privacyNotice.value.trim();
  const groups = form.elements.groups.value.split('\n').map((line) => line.trim()).filter(Boolean);
  if (place) body.place = place;
  if (date) body.date = date;
  if (privacy) body.privacyNotice = privacy;
  // the controller's fields the built-in notice names, and how long the data is kept (issue 22)
  for (const field of ['organisation', 'contact', 'purpose', 'retainUntil']) {
    const value = form.elements[field].value.trim();
    if (value) body[field] = value;
  }
  if (groups.length) body.groups = groups;
  try {
    const template = await chosenTemplate(form);
    if (template) body.template = template;
  } catch (problem) {
    error.textContent = t('new.failed', { message: problem.message });
    return;
  }
  const headers = { 'Content-Type': 'application/json' };
  const token = form.elements.adminToken?.value;
  if (token) headers.Authorization = `Bearer ${token}`;
  const button = $('#create');
  button.disabled = true;
  button.textContent = t('new.creating');
  try {
    const response = await fetch('/api/workshops', { method: 'POST', headers, body: JSON.stringify(body) });
    const answer = await response.json().catch(() => ({}));
    if (!response.ok) {
      showProblems(error, t('new.failed', { message: answer.error?.message || response.statusText }));
      return;
    }
    const target = new URL(answer.organiserUrl);
    location.assign(target.pathname + target.search);
  } catch {
    error.textContent = t('new.networkError');
  } finally {
    button.disabled = false;
    button.textContent = t('new.submit');
  }
});
