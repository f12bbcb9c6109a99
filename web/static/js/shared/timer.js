import { t } from './i18n.js';
import { announce, liveRegion } from './announce.js';

const TICK_MS = 250;
/** The points at which a running timer is announced (seconds left); the end is announced too. */
const SPOKEN_POINTS = [300, 60];
/** A countdown that drops further than this between two paints was set anew (a new start), not run down. */
const RUN_STEP_S = 5;

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
 * What a running timer says to screen readers as it goes from `before` to `left` seconds: "5 minutes left" and
 * "1 minute left" when it runs past those points, "Time is up" at zero; null in between, and when the timer was set
 * anew (the visible timer is not a live region, so it is never read out every second).
 */
export function timerNews(before, left) {
  if (before == null || left == null || left >= before || before - left > RUN_STEP_S) return null;
  if (left === 0) return t('sr.timerEnded');
  const point = SPOKEN_POINTS.find((p) => before > p && left <= p);
  return point ? t('sr.timerLeft', { n: point / 60 }) : null;
}

/**
 * Keeps an element showing the live board's countdown: hidden without a timer, marked paused, and at zero a
 * gentle signal (a class for a soft pulse, and a short vibration on phones that have it, once per run). With
 * `announce`, the set points of a running timer are said in a polite live region (timerNews).
 */
export function showTimer(live, element, { vibrate = false, hideWhen = () => false, announce: speak = false } = {}) {
  let signalled = null;
  let before = null;
  const region = speak ? liveRegion('timer-news') : null;
  const paint = () => {
    const timer = hideWhen() ? null : live.board?.timer;
    const left = secondsLeft(timer, live.clockOffset);
    element.hidden = left == null;
    const news = region && timer?.running !== false ? timerNews(before, left) : null;
    before = left;
    if (news) announce(region, news);
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
