import { $, h } from '../shared/dom.js';
import { t } from '../shared/i18n.js';

/**
 * The organiser's own template on the new-workshop page: from the simple form (one "Italian | English" line per
 * phase, dimension, tag or extra lane; keys made from the English label) or from an uploaded JSON file.
 */
export function bindTemplateChoice(form) {
  const paint = () => {
    const kind = form.elements.templateKind.value;
    $('#tpl-form').hidden = kind !== 'form';
    $('#tpl-upload').hidden = kind !== 'upload';
  };
  $('#template-choice').addEventListener('change', paint);
  paint();
}

/** The template to send: null for the built-in one; throws an Error with a message people can act on. */
export async function chosenTemplate(form) {
  const kind = form.elements.templateKind.value;
  if (kind === 'builtin') return null;
  if (kind === 'upload') {
    const file = $('#tpl-file').files[0];
    if (!file) throw new Error(t('tpl.noFile'));
    try {
      return JSON.parse(await file.text());
    } catch {
      throw new Error(t('tpl.badJson'));
    }
  }
  return {
    labels: { it: $('#tpl-name-it').value.trim(), en: $('#tpl-name-en').value.trim() },
    phases: items($('#tpl-phases').value),
    dimensions: items($('#tpl-dimensions').value),
    tags: items($('#tpl-tags').value),
    extraLanes: items($('#tpl-extras').value),
  };
}

function items(text) {
  const used = new Set();
  return text.split('\n').map((line) => line.trim()).filter(Boolean).map((line) => {
    const [it, en = ''] = line.split('|').map((part) => part.trim());
    let key = slug(en || it) || 'item';
    for (let n = 2; used.has(key); n += 1) key = `${slug(en || it).slice(0, 27)}-${n}`;
    used.add(key);
    return { key, labels: { it, en } };
  });
}

function slug(text) {
  const plain = text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
    .replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  const start = plain.replace(/^[^a-z]+/, '');
  return start.slice(0, 30).replace(/-+$/, '');
}

/** The server names every problem of a template, separated by semicolons: show them as a list. */
export function showProblems(element, message) {
  const colon = message.indexOf(': ');
  const problems = message.includes('; ') || colon > 0 ? message.slice(colon + 2).split('; ') : [];
  if (problems.length < 2) {
    element.textContent = message;
    return;
  }
  element.replaceChildren(h('p', { text: message.slice(0, colon + 1) }),
    h('ul', {}, problems.map((problem) => h('li', { text: problem }))));
}
