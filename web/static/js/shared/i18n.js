/** The page's initial state and its translations, from the JSON block the server embedded. */
export const state = JSON.parse(document.getElementById('state').textContent);
export const lang = state.lang === 'it' ? 'it' : 'en';

/** A text in the page's language with its {vars} filled in; when n is 1, the key's singular form (`key.one`) if any. */
export function t(key, vars) {
  const id = key.replaceAll('.', '_');
  const singular = vars && Number(vars.n) === 1 ? state.messages?.[`${id}_one`] : undefined;
  let text = singular ?? state.messages?.[id] ?? key;
  for (const [name, value] of Object.entries(vars || {})) text = text.replaceAll(`{${name}}`, String(value));
  return text;
}

/** A phase, dimension, tag or lane label in the page's language. */
export function label(item) {
  if (!item) return '';
  return item.labels?.[lang] ?? item.labels?.en ?? item.key;
}
