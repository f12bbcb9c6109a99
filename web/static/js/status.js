import { t } from './i18n.js';

/** Shows the socket's state in an element with role="status", as a word and a dot that is not colour alone. */
export function showStatus(live, element) {
  const paint = () => {
    element.dataset.state = live.status;
    element.textContent = t(`conn.${live.status}`);
  };
  live.addEventListener('status', paint);
  paint();
}
