import { $, h, store, syncList, uuid } from '../shared/dom.js';
import { label, lang, state, t } from '../shared/i18n.js';
import { LiveBoard } from '../shared/live.js';
import { counter, guardLength, noteCard, noteSignature, shownToAll, tagPicker, tickedTags } from '../shared/notes.js';
import { bringIntoView, closedReason, followFocus, say, secretCounts, showRemoved, stageMessage } from './phone.js';
import { showTimer } from '../shared/timer.js';
import { showStatus } from '../shared/status.js';
import { gridOf } from '../shared/template.js';
import { personalDataCheck } from './carefulnote.js';
import { ballotRejected, bindBallot } from '../vote/ballot.js';
import { ballotOf } from '../vote/rounds.js';
import { showClosed } from './closed.js';
import { meToo, mayReactNow, paintPhoneSpotlight } from '../shared/react.js';
import { paintStepLine } from '../shared/agenda.js';
import { bindVoteCall } from './votecall.js';
import { announceNewNotes } from '../shared/announce.js';
import { cellListName } from '../shared/grid.js';

const grid = gridOf(state.template);
const laneKey = `pb:lane:${state.boardId}`;
const draftKey = `pb:draft:${state.boardId}`;
const outboxKey = `pb:outbox:${state.boardId}`;

/** The phone view: pick a lane, write and send a note, see that lane live, edit or delete one's own notes. */
export function startParticipant(token, onExpired) {
  const live = new LiveBoard({ boardId: state.boardId, token, lang, outboxKey });
  const ui = { editing: null, confirming: null };
  const phase = $('#phase');
  const dimension = $('#dimension');
  const text = $('#note-text');
  const status = $('#composer-status');

  fillLanePicker(phase, dimension);
  const setTags = (ticked) => $('#composer-tags').replaceChildren(tagPicker(grid, 'tag', ticked));
  setTags(store.get(draftKey)?.tags || []);
  text.value = store.get(draftKey)?.text || '';
  // a message about what was typed before is stale once the person types again
  text.addEventListener('input', () => say(status, ''));
  const paintCounter = counter(text, $('#note-counter'));
  const tooLong = (where) => (n, max) => say(where, t('note.tooLong', { n, max }));
  guardLength(text, tooLong(status));
  const careful = personalDataCheck({ textarea: text, resend: () => $('#composer').requestSubmit() });
  const paintBallot = bindBallot(live);
  const paintVoteCall = bindVoteCall(live);

  const lane = () => (grid.lanes.has(phase.value) ? phase.value : `${phase.value}:${dimension.value}`);
  const saveDraft = () => store.set(draftKey, { text: text.value, tags: tickedTags($('#composer'), 'tag') });

  const draw = () => {
    const current = lane();
    $('#lane-heading').textContent = grid.laneName(current);
    const all = [...live.view().values()].filter(shownToAll);
    const notes = all.filter((note) => note.lane === current && !note.secret).reverse();
    const secret = secretCounts(all, grid, phase.value);
    $('#secret-counts').replaceChildren(...secret.items);
    $('#secret-box').hidden = secret.total === 0;
    $('#stage-banner').textContent = stageMessage(live.board, grid);
    paintPicker();
    const reason = closedReason(live.board, grid, current);
    const send = $('#send');
    send.textContent = t('part.sendTo', { lane: grid.laneName(current) });
    send.setAttribute('aria-disabled', String(reason !== null));
    $('#send-closed').textContent = reason ?? '';
    const closed = live.board?.stage === 'closed';
    if (live.board) showClosed(closed, live, live.board.rounds, (round) => ballotOf(live, round));
    const mode = (note) => (closed ? 'read' : ui.editing === note.id ? 'edit' : ui.confirming === note.id ? 'confirm' : '');
    const agreeing = `${mayReactNow(live.board)}|${live.board?.settings?.reactions}`;
    syncList($('#lane-notes'), notes, (note) => note.id, (note) => noteSignature(note, `${mode(note)}|${agreeing}`),
      (note) => (mode(note) === 'edit' ? editCard(note) : card(note, mode(note))));
    $('#lane-empty').hidden = notes.length > 0;
    $('#lane-notes').setAttribute('aria-label', cellListName(grid, current, notes.length));
    paintPhoneSpotlight(live, $('#vote-view'), spotCard);
  };

  /** Phases that take no notes now stay in the list, disabled, with the reason under the picker. */
  const paintPicker = () => {
    for (const option of phase.options) {
      const reason = closedReason(live.board, grid, grid.lanes.has(option.value) ? option.value : `${option.value}:`);
      const closed = reason !== null && live.board?.stage === 'collecting';
      option.disabled = closed; // its name stays whole in a 360px picker; the reason is under the picker
    }
    const focus = live.board?.focus;
    $('#phase-closed').textContent = focus && live.board.stage === 'collecting'
      ? t('part.onlyFocusOpen', { focus: phaseName(focus), extras: grid.extras.map(label).join(', ') }) : '';
  };

  const choosePhase = (key) => {
    if (![...phase.options].some((o) => o.value === key)) return;
    phase.value = key;
    $('#dimension-field').hidden = grid.lanes.has(phase.value);
    store.set(laneKey, { phase: phase.value, dimension: dimension.value });
    $('#draft-kept').hidden = true;
    say(status, '');
    live.presence(phase.value);
    rerender();
  };

  /**
   * The moderator focused a phase. An empty composer follows; a draft stays in the lane its writer chose, and
   * the phone says so and offers to move it.
   */
  const followed = (focus) => {
    const name = phaseName(focus);
    if (phase.value === focus || !text.value.trim()) {
      choosePhase(focus);
      $('#focus-news').textContent = t('part.jumped', { phase: name });
      return;
    }
    const here = grid.laneName(lane());
    const reason = closedReason(live.board, grid, lane());
    $('#draft-move').textContent = t('part.draftMove', { phase: name });
    $('#draft-move').onclick = () => {
      choosePhase(focus);
      say(status, t('part.draftMoved', { lane: grid.laneName(lane()) }));
      text.focus();
    };
    $('#draft-kept').hidden = false;
    say($('#draft-kept-text'), `${t('part.draftKept', { phase: name, lane: here })}${
      reason ? ` ${t('part.draftKeptClosed')}` : ''}`);
  };

  const rerender = () => { ui.editing = null; ui.confirming = null; draw(); };

  function card(note, mode) {
    let actions = [];
    if (mode === 'read') {
      // a closed board: notes are read, not changed
    } else if (note.mine && !note.deleting && mode === 'confirm') {
      actions = [
        h('button', { type: 'button', class: 'danger', text: t('note.deleteYes'), onclick: () => {
          live.send('note.delete', { noteId: note.id });
          rerender();
        } }),
        h('button', { type: 'button', text: t('note.cancel'), onclick: rerender }),
      ];
    } else if (note.mine && !note.deleting) {
      actions = [
        h('button', { type: 'button', text: t('note.edit'), 'aria-label': `${t('note.edit')}: ${note.text}`,
          onclick: () => { ui.editing = note.id; ui.confirming = null; draw(); focusIn(note.id, 'textarea'); } }),
        h('button', { type: 'button', class: 'danger', text: t('note.delete'),
          'aria-label': `${t('note.delete')}: ${note.text}`,
          onclick: () => { ui.confirming = note.id; ui.editing = null; draw(); focusIn(note.id, 'button'); } }),
      ];
    }
    const agree = mode === 'confirm' ? null : meToo(live, note);
    const element = noteCard(note, grid, { showSent: true, actions: agree ? [agree, ...actions] : actions,
      agreement: false });
    if (mode === 'confirm') element.prepend(h('p', { class: 'confirm', text: t('note.confirmDelete') }));
    return element;
  }

  /** The spotlighted note on the phone: the note and its "Me too", nothing to edit. */
  function spotCard(note) {
    const agree = meToo(live, note);
    return noteCard(note, grid, { actions: agree ? [agree] : [], agreement: false });
  }

  function editCard(note) {
    const id = `edit-${note.id}`;
    const area = h('textarea', { id, maxlength: 500, rows: 4 });
    area.value = note.text || '';
    guardLength(area, tooLong(status));
    const form = h('form', { class: 'edit-form', 'aria-label': t('note.editing'), onsubmit: (event) => {
      event.preventDefault();
      const edited = area.value.trim();
      if (!edited) return;
      live.send('note.edit', { noteId: note.id, text: edited, tags: tickedTags(form, `tag-${note.id}`) });
      rerender();
    } },
    h('label', { for: id, text: t('note.text') }), area,
    tagPicker(grid, `tag-${note.id}`, note.tags || []),
    h('div', { class: 'note-actions' },
      h('button', { type: 'submit', class: 'primary', text: t('note.save') }),
      h('button', { type: 'button', text: t('note.cancel'), onclick: rerender })));
    return h('li', { class: 'note', dataset: { noteId: note.id, dim: note.lane.split(':')[1] || 'extra' } }, form);
  }

  phase.addEventListener('change', () => choosePhase(phase.value));
  dimension.addEventListener('change', () => {
    store.set(laneKey, { phase: phase.value, dimension: dimension.value });
    say(status, '');
    rerender();
  });
  text.addEventListener('input', saveDraft);
  $('#composer-tags').addEventListener('change', saveDraft);
  $('#composer').addEventListener('submit', (event) => {
    event.preventDefault();
    const body = text.value.trim();
    if (!body) {
      say(status, t('part.emptyNote'));
      text.focus();
      return;
    }
    const reason = closedReason(live.board, grid, lane());
    if (reason) {
      // one short message in place of the standing reason: the button names the lane, the draft box the way out
      const { stage, settings } = live.board;
      const focusOnly = stage !== 'closed' && (stage === 'collecting' || settings?.lateNotes);
      say(status, t('part.notSent', { reason: focusOnly ? t('part.phaseNoNotes') : reason }));
      // the way out (move the note to the phase being discussed) in view, clear of the send bar
      if (!$('#draft-kept').hidden) requestAnimationFrame(() => bringIntoView($('#draft-kept')));
      return;
    }
    if (!careful.allows(body)) return;
    live.send('note.add', { noteId: uuid(), lane: lane(), tags: tickedTags($('#composer'), 'tag'), text: body });
    text.value = '';
    setTags([]); // the next note starts untagged: a tag never carries over unseen
    paintCounter();
    saveDraft();
    $('#draft-kept').hidden = true;
    say(status, live.status === 'online' ? '' : t('part.queued'));
  });

  showStatus(live, $('#conn'), { short: true });
  live.addEventListener('change', draw);
  live.addEventListener('change', paintBallot);
  live.addEventListener('change', () => paintStepLine($('#step-line'), live.board, state.template));
  live.addEventListener('change', paintVoteCall);
  live.addEventListener('status', () => {
    if (live.status === 'online') status.textContent = '';
  });
  live.addEventListener('rejected', ({ detail }) => {
    if (ballotRejected(live, detail)) return;
    say(status, t('note.rejected', { message: detail.error.message }));
    if (detail.entry.op === 'note.add' && !text.value) {
      text.value = detail.entry.data.text;
      paintCounter();
      saveDraft();
    }
  });
  live.addEventListener('fatal', ({ detail }) => {
    live.stop();
    store.set(outboxKey, null);
    if (detail.code === 'removed') showRemoved();
    else onExpired();
  });
  followFocus(live, followed);
  showTimer(live, $('#timer'), { vibrate: true, announce: true, hideWhen: () => live.board?.stage === 'closed' });
  announceNewNotes(live, grid);
  live.presence(phase.value);
  $('#dimension-field').hidden = grid.lanes.has(phase.value);
  draw();
  live.start();
  return live;
}

function phaseName(key) {
  return label(grid.phases.find((p) => p.key === key));
}

function fillLanePicker(phase, dimension) {
  const saved = store.get(laneKey) || {};
  const option = (value, name) => h('option', { value, text: name });
  phase.replaceChildren(
    ...grid.phases.map((p, i) => option(p.key, `${i + 1}. ${label(p)}`)),
    ...grid.extras.map((extra) => option(extra.key, label(extra))));
  dimension.replaceChildren(...grid.dimensions.map((d) => h('option', { value: d.key, text: label(d) })));
  if (saved.phase && [...phase.options].some((o) => o.value === saved.phase)) phase.value = saved.phase;
  if (saved.dimension && [...dimension.options].some((o) => o.value === saved.dimension)) {
    dimension.value = saved.dimension;
  }
}

function focusIn(noteId, selector) {
  document.querySelector(`[data-note-id="${noteId}"] ${selector}`)?.focus();
}
