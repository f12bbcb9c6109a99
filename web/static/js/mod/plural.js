import { state, t } from '../shared/i18n.js';

/**
 * A message with a count in the right grammatical number: the key's `.one` variant when n is 1 (in Italian and
 * English alike), the key itself otherwise. "1 participant online", "2 participants online".
 */
export function tn(key, n, vars = {}) {
  const one = `${key}.one`;
  const useOne = n === 1 && state.messages?.[one.replaceAll('.', '_')] != null;
  return t(useOne ? one : key, { n, ...vars });
}
