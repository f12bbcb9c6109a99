import { $, h } from '../shared/dom.js';

/**
 * One dialog for every question the moderator page asks: a confirmation, a name or text, a choice from a list,
 * or boxes to tick. Resolves with the answer (true, the text, the chosen value or the ticked values), or null
 * when cancelled; focus goes back.
 */
export function ask({ title, text = '', ok, input, choices, checks, danger = false, validate }) {
  const dialog = $('#ask');
  const returnTo = document.activeElement;
  let field = null;
  if (input) {
    field = input.multiline ? h('textarea', { id: 'ask-input', maxlength: input.max || 500, rows: 5 })
      : h('input', { id: 'ask-input', type: 'text', maxlength: input.max || 120, autocomplete: 'off' });
    field.value = input.value || '';
    $('#ask-field').replaceChildren(h('label', { for: 'ask-input', text: input.label }), field);
  } else if (choices) {
    field = h('select', { id: 'ask-input' }, choices.options.map((o) => h('option', { value: o.value, text: o.label })));
    $('#ask-field').replaceChildren(h('label', { for: 'ask-input', text: choices.label }), field);
  } else if (checks) {
    $('#ask-field').replaceChildren(h('fieldset', { class: 'ask-checks' }, h('legend', { text: checks.label }),
      checks.options.map((o) => h('label', { class: 'check' },
        h('input', { type: 'checkbox', name: 'ask-check', value: o.value, checked: checks.values.includes(o.value) }),
        h('span', { text: o.label })))));
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
      const value = checks ? [...$('#ask-field').querySelectorAll('input:checked')].map((box) => box.value)
        : field ? field.value.trim() : true;
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
    if (checks) {
      $('#ask-field input')?.focus();
    } else if (field) {
      field.focus();
      if (field.select) field.select();
    } else {
      (danger ? $('#ask-cancel') : okButton).focus();
    }
  });
}
