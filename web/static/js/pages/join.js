import { $, store } from '../dom.js';
import { state, t } from '../i18n.js';
import { startParticipant } from '../participant.js';

/** The participant's identity on this board lives in localStorage and in a cookie, so a reload keeps it. */
const tokenKey = `pb:token:${state.boardId}`;
const cookieName = `pb_pt_${state.boardId.replaceAll('-', '')}`;

function readCookie(name) {
  const found = document.cookie.split('; ').find((part) => part.startsWith(`${name}=`));
  return found ? decodeURIComponent(found.slice(name.length + 1)) : null;
}

function savedToken() {
  return store.get(tokenKey)?.token || readCookie(cookieName);
}

function saveToken(joined) {
  store.set(tokenKey, { token: joined.participantToken, participantId: joined.participantId });
  document.cookie = `${cookieName}=${encodeURIComponent(joined.participantToken)}; Path=/; Max-Age=31536000; SameSite=Lax`;
}

function forgetToken() {
  store.set(tokenKey, null);
  document.cookie = `${cookieName}=; Path=/; Max-Age=0; SameSite=Lax`;
}

function showJoin(message) {
  $('#board-view').hidden = true;
  $('#conn').hidden = true;
  $('#join-view').hidden = false;
  $('#join-expired').textContent = message || '';
}

function showBoard(token) {
  $('#join-view').hidden = true;
  $('#board-view').hidden = false;
  $('#conn').hidden = false;
  startParticipant(token, () => {
    forgetToken();
    showJoin(t('join.expired'));
  });
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
  button.disabled = true;
  button.textContent = t('join.joining');
  const body = { code: state.joinCode };
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
    button.disabled = false;
    button.textContent = t('join.submit');
  }
}

$('#join-form').addEventListener('submit', join);
const token = savedToken();
if (token) showBoard(token);
else showJoin();
