/**
 * Small SVG charts drawn by hand: a bar, a 1-to-5 distribution and the feasibility x sustainability matrix.
 * Text only ever goes in as textContent; every chart has role="img" and a label that says what it shows.
 */
const NS = 'http://www.w3.org/2000/svg';

export function svg(tag, attrs = {}, ...children) {
  const el = document.createElementNS(NS, tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value == null) continue;
    if (name === 'text') el.textContent = value;
    else el.setAttribute(name, String(value));
  }
  for (const child of children.flat()) if (child) el.append(child);
  return el;
}

/** A horizontal bar, `value` of `max`, scaled to the width of its box. */
export function bar(value, max, { label, className = 'bar' } = {}) {
  const share = max > 0 ? Math.max(0, Math.min(1, value / max)) : 0;
  return svg('svg', { class: `chart ${className}`, viewBox: '0 0 100 10', preserveAspectRatio: 'none',
    role: 'img', 'aria-label': label },
  svg('rect', { class: 'bar-track', x: 0, y: 0, width: 100, height: 10 }),
  svg('rect', { class: 'bar-fill', x: 0, y: 0, width: (share * 100).toFixed(2), height: 10 }));
}

/** How many gave 1, 2, 3, 4 and 5: five columns with the count above each and the score below. */
export function distribution(counts, { label } = {}) {
  const most = Math.max(1, ...counts);
  const columns = counts.map((count, i) => {
    const height = (count / most) * 24;
    const x = i * 12 + 1;
    return svg('g', {},
      svg('rect', { class: 'dist-fill', x, y: 30 - height, width: 10, height: Math.max(height, 0.5) }),
      svg('text', { class: 'dist-count', x: x + 5, y: 30 - height - 1, 'text-anchor': 'middle', text: String(count) }),
      svg('text', { class: 'dist-score', x: x + 5, y: 40, 'text-anchor': 'middle', text: String(i + 1) }));
  });
  return svg('svg', { class: 'chart dist', viewBox: '0 -8 60 50', role: 'img', 'aria-label': label }, columns);
}

/**
 * Items placed by their mean on two criteria (1 to 5 each): x to the right, y upwards; the top right quarter is
 * shaded and named. Each point carries its rank as a number; the names are listed beside the chart.
 */
export function matrix(points, { xLabel, yLabel, corner, label, size = 400 }) {
  // `size` is the side in px on a shared screen, so its text keeps the size the page gives it (not scaled)
  const pad = Math.max(48, Math.round(size * 0.12));
  const span = size - 2 * pad;
  const at = (score) => ((score - 1) / 4) * span;
  const x = (score) => pad + at(score);
  const y = (score) => size - pad - at(score);
  const seen = new Map();
  const dots = points.map((point) => {
    const key = `${point.x.toFixed(1)}|${point.y.toFixed(1)}`;
    const n = seen.get(key) || 0;
    seen.set(key, n + 1);
    const step = Math.max(14, size * 0.035);
    const cx = x(point.x) + n * step;
    const cy = y(point.y) - n * step;
    return svg('g', { class: 'matrix-point' },
      svg('circle', { cx, cy, r: 15 }),
      svg('text', { x: cx, y: cy, 'text-anchor': 'middle', 'dominant-baseline': 'central', text: String(point.rank) }));
  });
  const half = pad + span / 2;
  return svg('svg', { class: 'chart matrix', viewBox: `0 0 ${size} ${size}`, role: 'img', 'aria-label': label },
    svg('rect', { class: 'matrix-frame', x: pad, y: pad, width: span, height: span }),
    svg('rect', { class: 'matrix-corner', x: half, y: pad, width: span / 2, height: span / 2 }),
    svg('text', { class: 'matrix-corner-label', x: size - pad - 8, y: pad + 8, 'text-anchor': 'end',
      'dominant-baseline': 'hanging', text: corner }),
    svg('line', { class: 'matrix-axis', x1: half, y1: pad, x2: half, y2: size - pad }),
    svg('line', { class: 'matrix-axis', x1: pad, y1: half, x2: size - pad, y2: half }),
    [1, 3, 5].map((s) => svg('text', { class: 'matrix-tick', x: x(s), y: size - pad + 4, 'text-anchor': 'middle', 'dominant-baseline': 'hanging',
      text: String(s) })),
    [1, 3, 5].map((s) => svg('text', { class: 'matrix-tick', x: pad - 10, y: y(s), 'text-anchor': 'end', 'dominant-baseline': 'central',
      text: String(s) })),
    svg('text', { class: 'matrix-label', x: size / 2, y: size - 6, 'text-anchor': 'middle', text: `${xLabel} →` }),
    svg('text', { class: 'matrix-label', x: 0, y: 0, 'text-anchor': 'middle', 'dominant-baseline': 'central',
      transform: `translate(14 ${size / 2}) rotate(-90)`, text: `${yLabel} →` }),
    dots);
}
