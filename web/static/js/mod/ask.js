import { $, h } from '../dom.js';

/**
 * One dialog for every question the moderator page asks: a confirmation, a name, or a choice from a list.
 * Resolves with the answer (true, the text or the chosen value), or null when cancelled; focus goes back.
 */
export function ask({ title, text = '', ok, input, choices, danger = false, validate }) {
  const dialog = $('#ask');
  const returnTo = document.activeElement;
  let field = null;
  if (input) {
    field = h('input', { id: 'ask-input', type: 'text', maxlength: input.max || 120, autocomplete: 'off' });
    field.value = input.value || '';
    $('#ask-field').replaceChildren(h('label', { for: 'ask-input', text: input.label }), field);
  } else if (choices) {
    field = h('select', { id: 'ask-input' }, choices.options.map((o) => h('option', { value: o.value, text: o.label })));
    $('#ask-field').replaceChildren(h('label', { for: 'ask-input', text: choices.label }), field);
  } else {
    $('#ask-field').replaceChildren();
  }
  $('#ask-title').textContent = title;
  $('#ask-text').textContent = text;
  $('#ask-error').textContent = '';
  const okButton = $('#ask-ok');
  okButton.textContent = ok;
  okButton.className = danger ? 'danger' : 'primary';
  return new Promise((resolve) => {
    let answer = null;
    const form = $('#ask-form');
    const submit = (event) => {
      event.preventDefault();
      const value = field ? field.value.trim() : true;
      const problem = field && (!value ? ' ' : validate?.(value));
      if (problem) {
        $('#ask-error').textContent = problem.trim();
        field.setAttribute('aria-invalid', 'true');
        field.focus();
        return;
      }
      answer = value;
      dialog.close();
    };
    const cancel = () => dialog.close();
    const closed = () => {
      form.removeEventListener('submit', submit);
      $('#ask-cancel').removeEventListener('click', cancel);
      if (returnTo?.isConnected) returnTo.focus();
      resolve(answer);
    };
    form.addEventListener('submit', submit);
    $('#ask-cancel').addEventListener('click', cancel);
    dialog.addEventListener('close', closed, { once: true });
    dialog.showModal();
    if (field) {
      field.focus();
      if (field.select) field.select();
    } else {
      (danger ? $('#ask-cancel') : okButton).focus();
    }
  });
}
