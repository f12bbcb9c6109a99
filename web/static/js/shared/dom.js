/** Builds elements; strings always become text nodes, so people's text is never parsed as HTML. */
export function h(tag, props, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(props || {})) {
    if (value == null || value === false) continue;
    if (name === 'class') el.className = value;
    else if (name === 'text') el.textContent = value;
    else if (name.startsWith('on')) el.addEventListener(name.slice(2), value);
    else if (name === 'dataset') Object.assign(el.dataset, value);
    else if (value === true) el.setAttribute(name, '');
    else el.setAttribute(name, String(value));
  }
  for (const child of children.flat()) {
    if (child == null || child === false) continue;
    el.append(child instanceof Node ? child : String(child));
  }
  return el;
}

export const $ = (selector, root = document) => root.querySelector(selector);

/**
 * Puts the rendered items into the container in order, reusing an element whose key and signature did not change,
 * so a focused button keeps its focus while other notes come and go.
 */
export function syncList(container, items, keyOf, signatureOf, render) {
  const existing = new Map();
  for (const child of container.children) existing.set(child.dataset.key, child);
  items.forEach((item, index) => {
    const key = keyOf(item);
    const signature = signatureOf(item);
    let el = existing.get(key);
    if (!el || el.dataset.sig !== signature) {
      const fresh = render(item);
      fresh.dataset.key = key;
      fresh.dataset.sig = signature;
      if (el) replaceKeepingFocus(el, fresh);
      el = fresh;
    }
    existing.delete(key);
    const at = container.children[index];
    if (at !== el) container.insertBefore(el, at || null);
  });
  for (const stale of existing.values()) stale.remove();
}

const FOCUSABLE = 'button, a[href], input, select, textarea';

/** Replaces a node; if focus was inside it, the control in the same place in the new node takes the focus. */
function replaceKeepingFocus(old, fresh) {
  const active = document.activeElement;
  const index = old.contains(active) ? [...old.querySelectorAll(FOCUSABLE)].indexOf(active) : -1;
  old.replaceWith(fresh);
  if (index >= 0) fresh.querySelectorAll(FOCUSABLE)[index]?.focus();
}

/** A version 4 UUID; crypto.randomUUID is missing on plain http pages reached by a LAN address. */
export function uuid() {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export const store = {
  get(key) {
    try {
      const raw = localStorage.getItem(key);
      return raw == null ? null : JSON.parse(raw);
    } catch {
      return null;
    }
  },
  set(key, value) {
    try {
      if (value == null) localStorage.removeItem(key);
      else localStorage.setItem(key, JSON.stringify(value));
    } catch {
      // storage full or disabled: the page still works, it just forgets on reload
    }
  },
};
