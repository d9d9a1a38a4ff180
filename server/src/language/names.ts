/** A directive's name as remark-directive reads it (`claim`, `cliam`, `my-note_2`). */
export const DIRECTIVE_NAME = '[A-Za-z][A-Za-z0-9_-]*';

/** A marker id, `#id` or `id=`: a letter, then letters, digits, `-` and `_`. */
export const ID_PATTERN = /^[A-Za-z][A-Za-z0-9_-]*$/;

/** A character that may start or end a Pandoc citation key, or stand anywhere in it. */
const KEY_CHARACTER = String.raw`[\p{L}\p{N}_]`;
/** Punctuation a Pandoc citation key may hold between key characters. */
const KEY_PUNCTUATION = String.raw`[:.#$%&\-+?<>~/]`;

/**
 * A Pandoc citation key: it starts with a letter, digit or `_`, and may hold the punctuation
 * `:.#$%&-+?<>~/` between such characters (`sec:intro`, `fig.1`). A regular expression's source,
 * for the `u` flag.
 */
export const PLAIN_KEY = `${KEY_CHARACTER}(?:${KEY_CHARACTER}|${KEY_PUNCTUATION}(?=${KEY_CHARACTER}))*`;

/** What may have been typed of a key so far (punctuation may still be followed by more). */
export const PARTIAL_KEY = `(?:${KEY_CHARACTER}|${KEY_PUNCTUATION})*`;

export const KEY_PATTERN = new RegExp(`^${PLAIN_KEY}$`, 'u');
