import { $, store } from '../shared/dom.js';
import { lang, state, t } from '../shared/i18n.js';
import { startParticipant } from '../phone/participant.js';
import { namesSource, showClosed, snapshotBallot } from '../phone/closed.js';
import { startRights } from '../phone/rights.js';

/**
 * The participant's identity on this board lives in localStorage and in an HttpOnly cookie the server set when
 * they joined: if the phone's storage was cleared, the page comes back with the token in its state.
 */
const tokenKey = `pb:token:${state.boardId}`;

function savedToken() {
  return store.get(tokenKey)?.token || state.participantToken || null;
}

function saveToken(joined) {
  store.set(tokenKey, { token: joined.participantToken, participantId: joined.participantId });
}

function forgetToken() {
  store.set(tokenKey, null);
  state.participantToken = null;
}

function showJoin(message) {
  // a token that stopped working (withdrawn, or the board gone) leads to a fresh join, with consent again
  document.body.classList.remove('aside');
  for (const id of ['menu-button', 'phone-menu', 'mynotes-view', 'notice-view', 'withdraw-view']) $(`#${id}`).hidden = true;
  $('#board-view').hidden = true;
  $('#conn').hidden = true;
  $('#join-view').hidden = false;
  $('#join-expired').textContent = message || '';
}

function showBoard(token) {
  // the join button goes with its form: the focus goes to the board's heading, not to the page's body
  const fromForm = $('#join-view').contains(document.activeElement);
  $('#join-view').hidden = true;
  $('#board-view').hidden = false;
  window.scrollTo(0, 0);
  $('#conn').hidden = false;
  const live = startParticipant(token, () => {
    forgetToken();
    showJoin(t('join.expired'));
  });
  startRights(live, token);
  if (fromForm) {
    $('#board-heading').tabIndex = -1;
    $('#board-heading').focus();
  }
}

async function join(event) {
  event.preventDefault();
  const form = event.currentTarget;
  const error = $('#join-error');
  const accept = $('#accept');
  if (!accept.checked) {
    accept.setAttribute('aria-invalid', 'true');
    error.textContent = t('join.mustAccept');
    accept.focus();
    return;
  }
  accept.removeAttribute('aria-invalid');
  error.textContent = '';
  const button = $('#join-submit');
  // aria-disabled, not disabled: a disabled button would drop the keyboard focus to the page's body
  if (button.getAttribute('aria-disabled') === 'true') return;
  button.setAttribute('aria-disabled', 'true');
  button.textContent = t('join.joining');
  // the box ticked is the consent the server records, with the version of the notice shown in this language
  const body = { code: state.joinCode, consent: true, language: lang };
  const name = form.elements.name.value.trim();
  const profession = form.elements.profession.value;
  if (name) body.name = name;
  if (profession) body.profession = profession;
  try {
    const response = await fetch('/api/join', {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body),
    });
    const answer = await response.json();
    if (!response.ok) throw new Error(answer.error?.message || response.statusText);
    saveToken(answer);
    showBoard(answer.participantToken);
  } catch (failure) {
    error.textContent = t('join.failed', { message: failure.message });
  } finally {
    button.removeAttribute('aria-disabled');
    button.textContent = t('join.submit');
  }
}

$('#join-form').addEventListener('submit', join);
const token = savedToken();
if (state.closed) {
  // a closed board: the results the server sent, kept live for a participant (a late reveal, a reopening)
  showClosed(true, namesSource(state.closed.names), state.closed.rounds, snapshotBallot);
  if (token) {
    $('#conn').hidden = false;
    startRights(startParticipant(token, () => forgetToken()), token);
  }
} else if (token) showBoard(token);
else showJoin();
