import { $ } from '../shared/dom.js';
import { t } from '../shared/i18n.js';
import { personalData } from './sensitive.js';

/**
 * A gentle check before a note leaves the phone: when the text seems to hold personal data, the phone says what
 * kind and lets the participant edit it or send it anyway. `allows(text)` is true when the note may go now.
 */
export function personalDataCheck({ textarea, resend }) {
  const box = $('#pd-warning');
  let acceptedFor = null;

  const hide = () => {
    box.hidden = true;
    $('#pd-text').textContent = '';
  };

  textarea.addEventListener('input', hide); // a warning about the text before is stale once it changes
  $('#pd-edit').addEventListener('click', () => {
    hide();
    textarea.focus();
  });
  $('#pd-send').addEventListener('click', () => {
    acceptedFor = textarea.value.trim();
    hide();
    resend();
  });

  return {
    allows(text) {
      const kinds = personalData(text);
      if (!kinds.length || acceptedFor === text) {
        acceptedFor = null;
        hide();
        return true;
      }
      const what = kinds.map((kind) => t(`warn.kind.${kind}`));
      $('#pd-text').textContent = t('warn.personalData', { what: joinWords(what) });
      box.hidden = false;
      $('#pd-edit').focus();
      return false;
    },
  };
}

function joinWords(words) {
  if (words.length < 2) return words.join('');
  return `${words.slice(0, -1).join(', ')} ${t('warn.and')} ${words[words.length - 1]}`;
}
