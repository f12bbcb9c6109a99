import { $ } from '../shared/dom.js';

/**
 * The compact bar's disclosure buttons: each opens its panel under the bar (one at a time) and closes it again.
 * Escape inside a panel closes it and gives the focus back to its button. Returns `open(panelId)`, so other parts
 * of the page (a count that needs attention, a shortcut) can bring a panel up.
 */
export function bindBar() {
  // the run-sheet's button sits in the top bar, beside the timer, and opens its panel like the bar's buttons
  const buttons = () => [...document.querySelectorAll('#mod-bar [aria-controls], [data-panel-button]')];
  const buttonOf = (panel) => buttons().find((b) => b.getAttribute('aria-controls') === panel.id);

  function show(button, open) {
    const panel = document.getElementById(button.getAttribute('aria-controls'));
    if (!panel) return;
    button.setAttribute('aria-expanded', String(open));
    panel.hidden = !open;
  }

  function open(panelId, { focus = false } = {}) {
    for (const button of buttons()) show(button, button.getAttribute('aria-controls') === panelId);
    const panel = document.getElementById(panelId);
    if (focus) panel?.querySelector('button:not([disabled]), input, select, summary, a[href]')?.focus();
  }

  const toggle = (event) => {
    const button = event.target.closest('[aria-controls]');
    if (!button) return;
    const wasOpen = button.getAttribute('aria-expanded') === 'true';
    for (const other of buttons()) show(other, false);
    show(button, !wasOpen);
  };
  $('#mod-bar').addEventListener('click', toggle);
  for (const extra of document.querySelectorAll('[data-panel-button]')) extra.addEventListener('click', toggle);
  $('#mod-bar').addEventListener('keydown', (event) => {
    const button = event.target.closest('[aria-controls]');
    if (event.key !== 'Escape' || button?.getAttribute('aria-expanded') !== 'true') return;
    event.stopPropagation();
    show(button, false);
  });
  $('#mod-panels').addEventListener('keydown', (event) => {
    if (event.key !== 'Escape') return;
    const panel = event.target.closest('.mod-panel');
    const button = panel && buttonOf(panel);
    if (!button) return;
    event.stopPropagation();
    show(button, false);
    button.focus();
  });
  tabThroughPanels(buttons, buttonOf);
  return open;
}

const FOCUSABLE = 'button, input, select, textarea, summary, a[href], [tabindex="0"]';

/** The controls of a panel that Tab can reach now, in order. */
function reachable(panel) {
  return [...panel.querySelectorAll(FOCUSABLE)].filter((el) => !el.disabled && el.getClientRects().length > 0
    && !el.closest('[hidden], details:not([open]) > :not(summary)'));
}

/**
 * The panels sit under the bar, after all its buttons; for the keyboard each open panel follows its own button, as a
 * disclosure's content does: Tab on the button goes into the panel, Tab after the panel's last control goes on to the
 * next button of the bar, and Shift+Tab walks the same way back.
 */
function tabThroughPanels(buttons, buttonOf) {
  const panelOf = (button) => (button?.getAttribute?.('aria-expanded') === 'true'
    && buttons().includes(button) && document.getElementById(button.getAttribute('aria-controls'))) || null;
  document.addEventListener('keydown', (event) => {
    if (event.key !== 'Tab' || event.ctrlKey || event.altKey || event.metaKey) return;
    const target = event.target;
    const panel = target.closest?.('.mod-panel');
    let next = null;
    if (panel) {
      const button = buttonOf(panel);
      const inside = reachable(panel);
      if (!button) return;
      if (event.shiftKey && target === inside[0]) next = button;
      if (!event.shiftKey && target === inside.at(-1)) {
        // on to what follows the panel's button, outside the panels (the bar's next control, or the board)
        const order = reachable(document.body).filter((el) => !el.closest('#mod-panels'));
        next = order[order.indexOf(button) + 1] || null;
      }
    } else if (!event.shiftKey) {
      next = panelOf(target) ? reachable(panelOf(target))[0] || null : null;
    } else {
      const order = reachable(document.body).filter((el) => !el.closest('#mod-panels'));
      const before = order[order.indexOf(target) - 1];
      next = panelOf(before) ? reachable(panelOf(before)).at(-1) || null : null;
    }
    if (!next) return;
    event.preventDefault();
    next.focus();
  });
}
