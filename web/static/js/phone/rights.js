import { $, store } from '../shared/dom.js';
import { state, t } from '../shared/i18n.js';
import { bindMyNotes, myNotes } from './mynotes.js';
import { say } from './phone.js';

/** What this phone keeps of the board in its storage: all of it goes when the participant withdraws. */
const KEPT = ['token', 'outbox', 'draft', 'lane'].map((kind) => `pb:${kind}:${state.boardId}`);

/**
 * The participant's menu (issue 22): "My notes", the information notice again, and "Withdraw from the study" with a
 * confirmation that says what happens. Each opens a view that stands in for the board (which keeps running).
 */
export function startRights(live, token) {
  const button = $('#menu-button');
  const menu = $('#phone-menu');
  const myNotesView = bindMyNotes(live);
  let open = null;

  const toggleMenu = (show) => {
    menu.hidden = !show;
    button.setAttribute('aria-expanded', String(show));
  };
  const close = () => {
    if (!open) return;
    open.hidden = true;
    open = null;
    document.body.classList.remove('aside');
    button.focus();
  };
  const show = (id) => {
    if (open) open.hidden = true;
    toggleMenu(false);
    open = $(`#${id}`);
    open.hidden = false;
    document.body.classList.add('aside');
    if (id === 'mynotes-view') myNotesView.reset();
    if (id === 'withdraw-view') {
      $('#withdraw-what').textContent = t('withdraw.what', { n: myNotes(live).length });
      $('#withdraw-status').textContent = '';
    }
    window.scrollTo(0, 0);
    open.querySelector('h1').focus();
  };

  button.hidden = false;
  button.addEventListener('click', () => {
    if (open) close();
    toggleMenu(menu.hidden);
    if (!menu.hidden) menu.querySelector('button').focus();
  });
  menu.addEventListener('click', (event) => {
    const view = event.target.closest('[data-view]')?.dataset.view;
    if (view) show(view);
  });
  for (const back of document.querySelectorAll('.aside-view .back')) back.addEventListener('click', close);
  document.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape') return;
    if (!menu.hidden) { toggleMenu(false); button.focus(); } else close();
  });
  $('#withdraw-confirm').addEventListener('click', () => withdraw(live, token));
}

/**
 * Withdraws: the socket is stopped first (its removal is this phone's own doing, not the moderator's), then the
 * server deletes the notes and forgets the token; this phone forgets everything it kept of the board.
 */
async function withdraw(live, token) {
  const confirm = $('#withdraw-confirm');
  const status = $('#withdraw-status');
  confirm.disabled = true;
  confirm.textContent = t('withdraw.working');
  live.stop();
  try {
    const response = await fetch(`/api/boards/${encodeURIComponent(state.boardId)}/withdraw`, {
      method: 'POST', headers: { Authorization: `Bearer ${token}` },
    });
    const body = await response.json().catch(() => ({}));
    // 401: this token is gone already (withdrawn from another tab): the outcome is the same
    if (!response.ok && response.status !== 401) throw new Error(body.error?.message || response.statusText);
    for (const key of KEPT) store.set(key, null);
    showWithdrawn(body.notesDeleted);
  } catch (failure) {
    live.stopped = false;
    live.connect();
    say(status, t('withdraw.failed', { message: failure.message }));
  } finally {
    confirm.disabled = false;
    confirm.textContent = t('withdraw.confirm');
  }
}

function showWithdrawn(n) {
  document.body.classList.remove('aside');
  for (const id of ['board-view', 'closed-view', 'join-view', 'mynotes-view', 'notice-view', 'withdraw-view',
    'phone-menu', 'menu-button', 'conn', 'timer']) {
    $(`#${id}`).hidden = true;
  }
  $('#withdrawn-text').textContent = n == null ? t('withdraw.doneBefore') : t('withdraw.done', { n });
  $('#withdrawn-view').hidden = false;
  $('#withdrawn-heading').focus();
}
