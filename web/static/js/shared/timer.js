import { t } from './i18n.js';

const TICK_MS = 250;

/** Seconds left on the board's timer, counted to the server's end time with this clock corrected by serverNow. */
export function secondsLeft(timer, clockOffset) {
  if (!timer) return null;
  if (!timer.running || !timer.endsAt) return Math.max(0, Math.round(timer.remaining ?? 0));
  return Math.max(0, Math.ceil((Date.parse(timer.endsAt) - (Date.now() + clockOffset)) / 1000));
}

export function formatSeconds(seconds) {
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  return `${m}:${String(s).padStart(2, '0')}`;
}

/**
 * Keeps an element showing the live board's countdown: hidden without a timer, marked paused, and at zero a
 * gentle signal (a class for a soft pulse, and a short vibration on phones that have it, once per run).
 */
export function showTimer(live, element, { vibrate = false, hideWhen = () => false } = {}) {
  let signalled = null;
  const paint = () => {
    const timer = hideWhen() ? null : live.board?.timer;
    const left = secondsLeft(timer, live.clockOffset);
    element.hidden = left == null;
    if (left == null) return;
    const text = formatSeconds(left);
    const state = left === 0 ? 'done' : timer.running ? 'running' : 'paused';
    if (element.dataset.text !== text || element.dataset.state !== state) {
      element.dataset.text = text;
      element.dataset.state = state;
      element.querySelector('.timer-value').textContent = text;
      element.querySelector('.timer-state').textContent = t(`timer.${state}`);
    }
    if (state === 'done' && signalled !== timer.endsAt) {
      signalled = timer.endsAt;
      if (vibrate && navigator.vibrate) navigator.vibrate([120, 80, 120]);
    }
  };
  setInterval(paint, TICK_MS);
  live.addEventListener('change', paint);
  paint();
  return paint;
}
