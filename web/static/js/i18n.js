/** The page's initial state and its translations, from the JSON block the server embedded. */
export const state = JSON.parse(document.getElementById('state').textContent);
export const lang = state.lang === 'it' ? 'it' : 'en';

export function t(key, vars) {
  let text = state.messages?.[key.replaceAll('.', '_')] ?? key;
  for (const [name, value] of Object.entries(vars || {})) text = text.replaceAll(`{${name}}`, String(value));
  return text;
}

/** A phase, dimension, tag or lane label in the page's language. */
export function label(item) {
  if (!item) return '';
  return item.labels?.[lang] ?? item.labels?.en ?? item.key;
}
