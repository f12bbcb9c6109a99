import { $, h } from '../shared/dom.js';
import { t } from '../shared/i18n.js';

const GAP_PX = 4;

/**
 * One menu button per note (the WAI-ARIA menu button pattern), with one shared menu element: Enter, Space or
 * ArrowDown open it on the first action, ArrowUp on the last; the arrows, Home and End move between actions;
 * Escape (or Tab) closes it and gives the focus back to the button; a click elsewhere closes it.
 * `itemsOf(note)` lists the actions as {key, text, run, danger?}; an action runs after the menu has closed, so a
 * dialog it opens gives the focus back to the note's button.
 */
export function noteMenu(itemsOf) {
  const menu = $('#note-menu');
  let owner = null;
  const entries = () => [...menu.querySelectorAll('[role="menuitem"]')];

  function close(focusBack) {
    if (!owner) return;
    const button = owner;
    owner = null;
    menu.hidden = true;
    menu.replaceChildren();
    button.setAttribute('aria-expanded', 'false');
    if (focusBack && button.isConnected) button.focus();
  }

  function place() {
    if (!owner?.isConnected) return close(false);
    const at = owner.getBoundingClientRect();
    const width = menu.offsetWidth;
    const height = menu.offsetHeight;
    const left = Math.max(GAP_PX, Math.min(at.right - width, innerWidth - width - GAP_PX));
    const below = at.bottom + GAP_PX;
    const top = below + height > innerHeight && at.top - height - GAP_PX > 0 ? at.top - height - GAP_PX : below;
    menu.style.left = `${left}px`;
    menu.style.top = `${Math.max(GAP_PX, top)}px`;
    return null;
  }

  function open(button, note, last = false) {
    close(false);
    const items = itemsOf(note);
    if (!items.length) return;
    owner = button;
    button.setAttribute('aria-expanded', 'true');
    menu.setAttribute('aria-labelledby', button.id);
    menu.replaceChildren(...items.map((item) => h('li', { role: 'none' },
      h('button', { type: 'button', role: 'menuitem', tabindex: '-1', class: item.danger ? 'danger' : null,
        dataset: { action: item.key }, text: item.text,
        onclick: () => {
          close(true);
          item.run();
        } }))));
    menu.hidden = false;
    place();
    const list = entries();
    (last ? list[list.length - 1] : list[0]).focus();
  }

  menu.addEventListener('keydown', (event) => {
    const list = entries();
    const at = list.indexOf(document.activeElement);
    let next = null;
    if (event.key === 'ArrowDown') next = list[(at + 1) % list.length];
    else if (event.key === 'ArrowUp') next = list[(at - 1 + list.length) % list.length];
    else if (event.key === 'Home') next = list[0];
    else if (event.key === 'End') next = list[list.length - 1];
    else if (event.key === 'Escape' || event.key === 'Tab') {
      event.preventDefault();
      close(true);
    } else if (event.key.length === 1 && event.key !== ' ' && !event.ctrlKey && !event.metaKey) {
      // type-ahead: the next action that starts with the letter
      const letter = event.key.toLowerCase();
      next = [...list.slice(at + 1), ...list.slice(0, at + 1)]
        .find((item) => item.textContent.trim().toLowerCase().startsWith(letter)) || null;
    }
    if (next) {
      event.preventDefault();
      next.focus();
    }
    // the page's single-letter shortcuts must not fire while the menu has the focus
    event.stopPropagation();
  });
  document.addEventListener('pointerdown', (event) => {
    if (owner && !menu.contains(event.target) && !owner.contains(event.target)) close(false);
  }, true);
  window.addEventListener('scroll', () => owner && place(), { passive: true });
  window.addEventListener('resize', () => owner && place());

  /**
   * The menu button of one note (or of a cluster: `{cluster}`, named by it); `menuButton.redrawn()` closes a menu
   * whose note was drawn anew meanwhile.
   */
  function menuButton(note) {
    const button = h('button', { type: 'button', class: 'note-menu-button', id: note.cluster ? `menu-c-${note.cluster.id}`
      : `menu-${note.id}`, 'aria-haspopup': 'menu', 'aria-expanded': 'false', 'aria-controls': 'note-menu',
    'aria-label': note.cluster ? t('menu.actionsForCluster', { name: short(note.cluster.name) })
      : t('menu.actionsFor', { text: short(note.text ?? t('note.secret')) }) },
    h('span', { 'aria-hidden': 'true', text: '⋯' }));
    button.addEventListener('click', () => {
      if (owner === button) close(true);
      else open(button, note);
    });
    button.addEventListener('keydown', (event) => {
      if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
      event.preventDefault();
      event.stopPropagation();
      open(button, note, event.key === 'ArrowUp');
    });
    return button;
  }
  menuButton.redrawn = () => {
    if (!owner || owner.isConnected) return;
    const again = document.getElementById(owner.id);
    close(false);
    if (menu.contains(document.activeElement) || document.activeElement === document.body) again?.focus();
  };
  return menuButton;
}

function short(text) {
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}
