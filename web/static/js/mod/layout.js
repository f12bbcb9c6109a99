/**
 * Keeps the column headers of the grid just under the sticky clustering toolbar, whatever height the toolbar
 * takes (it wraps on narrow screens and in longer languages), so the toolbar never covers them.
 */
export function stickyOffsets() {
  const bar = document.getElementById('cluster-bar');
  const set = () => document.documentElement.style.setProperty('--cluster-bar-h', `${Math.ceil(bar.offsetHeight)}px`);
  new ResizeObserver(set).observe(bar);
  set();
}
