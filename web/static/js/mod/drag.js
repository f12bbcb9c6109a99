import { h } from '../shared/dom.js';
import { t } from '../shared/i18n.js';
import { tn } from './plural.js';

const THRESHOLD_PX = 6;
/** Near the top or bottom edge of the window a drag scrolls the page, faster the closer it gets. */
const EDGE_PX = 70;
const MAX_STEP_PX = 24;

/**
 * Drag and drop with pointer events, so a mouse, a pen and a finger all work (a finger by the note's select
 * button, which does not scroll the page). A note dropped on a note makes a new cluster of both (or joins the
 * target's cluster), on a cluster joins it, on an empty part of a cell moves it there or out of its cluster;
 * a cluster dropped on another cluster merges into it. Dragging a selected note drags the whole selection.
 * Near the window's top or bottom edge the page scrolls (also while the pointer rests there), and no text is
 * selected from the press to the drop, whatever the wheel does in between.
 */
export function bindDrag(container, { live, ui, actions, say }) {
  let drag = null;

  container.addEventListener('pointerdown', (event) => {
    if (event.button !== 0) return;
    if (event.target.closest('.note-actions, .note-tools, input, textarea, select, a')) return;
    const source = event.target.closest('.cluster-title') ? event.target.closest('[data-cluster-id]')
      : event.target.closest('.mod-note');
    if (!source) return;
    drag = { source, x: event.clientX, y: event.clientY, id: event.pointerId, moving: false };
  });

  // a press on a note may become a drag: it must not start a text selection (which the wheel would then extend)
  document.addEventListener('selectstart', (event) => {
    if (drag) event.preventDefault();
  });

  document.addEventListener('pointermove', (event) => {
    if (!drag || event.pointerId !== drag.id) return;
    if (!drag.moving) {
      if (Math.hypot(event.clientX - drag.x, event.clientY - drag.y) < THRESHOLD_PX) return;
      drag.moving = true;
      drag.ghost = ghostOf(drag.source);
      document.body.append(drag.ghost);
      document.body.classList.add('is-dragging');
      getSelection()?.removeAllRanges();
    }
    drag.lastX = event.clientX;
    drag.lastY = event.clientY;
    drag.ghost.style.transform = `translate(${event.clientX + 8}px, ${event.clientY + 8}px)`;
    mark(targetAt(event));
    if (!drag.scrolling) {
      drag.scrolling = true;
      requestAnimationFrame(() => autoScroll(drag));
    }
  });

  /** One frame of edge scrolling; runs while the drag lasts and the pointer stays near an edge. */
  function autoScroll(current) {
    if (drag !== current || !current.moving) return;
    const y = current.lastY;
    const step = y > innerHeight - EDGE_PX ? Math.ceil(MAX_STEP_PX * (1 - (innerHeight - y) / EDGE_PX))
      : y < EDGE_PX ? -Math.ceil(MAX_STEP_PX * (1 - y / EDGE_PX)) : 0;
    if (!step) {
      current.scrolling = false;
      return;
    }
    const before = scrollY;
    scrollBy(0, step);
    if (scrollY !== before) mark(targetAt({ clientX: current.lastX, clientY: current.lastY }));
    requestAnimationFrame(() => autoScroll(current));
  }

  document.addEventListener('pointerup', (event) => {
    if (!drag || event.pointerId !== drag.id) return;
    const done = drag;
    drag = null;
    if (!done.moving) return;
    done.ghost.remove();
    document.body.classList.remove('is-dragging');
    getSelection()?.removeAllRanges();
    mark(null);
    // the click that follows the drag must not toggle the selection
    const swallow = (click) => { click.stopPropagation(); click.preventDefault(); };
    window.addEventListener('click', swallow, { capture: true, once: true });
    setTimeout(() => window.removeEventListener('click', swallow, { capture: true }), 0);
    drop(done.source, targetAt(event));
  });

  document.addEventListener('pointercancel', () => {
    drag?.ghost?.remove();
    document.body.classList.remove('is-dragging');
    mark(null);
    drag = null;
  });

  function targetAt(event) {
    const under = document.elementFromPoint(event.clientX, event.clientY);
    if (!under || !container.contains(under)) return null;
    return under.closest('.mod-note') || under.closest('.cluster') || under.closest('.cell');
  }

  let marked = null;
  function mark(target) {
    if (marked === target) return;
    marked?.classList.remove('is-drop-target');
    marked = target;
    marked?.classList.add('is-drop-target');
  }

  function drop(source, target) {
    if (!target || target === source || source.contains(target)) return;
    if (source.dataset.clusterId) {
      const from = live.clusters.get(source.dataset.clusterId);
      const intoId = target.closest('[data-cluster-id]')?.dataset.clusterId;
      if (from && intoId && intoId !== from.id) actions.merge([from], live.clusters.get(intoId));
      return;
    }
    const noteId = source.dataset.noteId;
    const ids = ui.selectedNotes.includes(noteId) ? [...ui.selectedNotes] : [noteId];
    const notes = ids.map((id) => live.notes.get(id)).filter(Boolean);
    const clusterEl = target.closest('[data-cluster-id]');
    if (target.classList.contains('mod-note') && !clusterEl) {
      const other = live.notes.get(target.dataset.noteId);
      if (!other || ids.includes(other.id)) return;
      if (notes.some((note) => note.lane !== other.lane)) {
        say(t('clu.oneLane'));
        return;
      }
      actions.group([other.id, ...ids], t('clu.defaultName', { n: live.clusters.size + 1 }));
      return;
    }
    if (clusterEl) {
      actions.addTo(live.clusters.get(clusterEl.dataset.clusterId), ids);
      return;
    }
    const lane = target.dataset.lane;
    if (!lane) return;
    const moving = notes.filter((note) => note.lane !== lane);
    for (const note of moving) live.send('note.move', { noteId: note.id, lane, version: note.version });
    const unclustered = notes.filter((note) => note.lane === lane && note.clusterId).map((note) => note.id);
    if (unclustered.length) actions.remove(unclustered);
    if (moving.length) say(tn('clu.moved', moving.length));
  }
}

function ghostOf(source) {
  const text = source.querySelector('.cluster-name, .note-text')?.textContent || '';
  return h('div', { class: 'drag-ghost', 'aria-hidden': 'true', text: text.length > 60 ? `${text.slice(0, 57)}…` : text });
}
