// Spots what looks like personal data in a note before it is sent, so the phone can warn gently.
// A hint, not a filter: the participant may edit or send anyway.

const PATTERNS = [
  // Italian codice fiscale: 6 letters, 2 digits, a month letter, 2 digits, a letter, 3 digits, a check letter
  ['taxCode', /\b[A-Z]{6}\d{2}[A-EHLMPR-T]\d{2}[A-Z]\d{3}[A-Z]\b/i],
  ['email', /[^\s@<>()]+@[^\s@<>()]+\.[a-z]{2,}/i],
  // phone numbers: Italian mobiles and landlines, with or without +39, spaces, dots or dashes
  ['phone', /(?:\+|00)?(?:39[\s.-]?)?(?:3\d{2}|0\d{1,3})[\s.-]?\d{3}[\s.-]?\d{3,4}\b/],
  // a date that reads like a birth date: day/month/year with a four-digit year, or "nato/nata il …"
  ['birthDate', /\b(?:0?[1-9]|[12]\d|3[01])[/.-](?:0?[1-9]|1[0-2])[/.-](?:19|20)\d{2}\b|\bnat[oa] (?:il|nel)\b|\bborn (?:on|in)\b/i],
  // a full name next to an age: "Marco Rossi, 16 anni" / "Anna Bianchi (15)" / "John Smith, 17 years old"
  ['nameAndAge', /\b[A-ZÀ-Ý][a-zà-ÿ']+ [A-ZÀ-Ý][a-zà-ÿ']+,?\s*\(?\s*\d{1,2}\s*(?:anni|years|yrs|y\.o\.|\))/],
];

/** The kinds of personal data the text seems to contain, e.g. ['phone', 'email']; empty when none. */
export function personalData(text) {
  if (!text) {
    return [];
  }
  return PATTERNS.filter(([, pattern]) => pattern.test(text)).map(([kind]) => kind);
}
