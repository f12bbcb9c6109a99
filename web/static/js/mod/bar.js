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
  return open;
}
