import { t } from './i18n.js';

/**
 * Shows the socket's state in an element with role="status", as a word and a dot that is not colour alone.
 * `short` keeps it to one word (the phone's one-row header); the full sentence goes into its title.
 */
export function showStatus(live, element, { short = false } = {}) {
  const paint = () => {
    element.dataset.state = live.status;
    element.textContent = t(short ? `conn.short.${live.status}` : `conn.${live.status}`);
    if (short) element.title = t(`conn.${live.status}`);
  };
  live.addEventListener('status', paint);
  paint();
}
