/**
 * The two fields a source entry may carry about its worth (spec, "Source grades"): `grade`, an
 * Admiralty (NATO) code, and `retracted`. Read here from the values every format gives (YAML and
 * JSON values, BibTeX texts), so that each format reads them alike.
 */

/** The reliability of the source, by the code's letter. */
const RELIABILITY: Readonly<Record<string, string>> = {
  A: 'completely reliable',
  B: 'usually reliable',
  C: 'fairly reliable',
  D: 'not usually reliable',
  E: 'unreliable',
  F: 'reliability cannot be judged',
};

/** The credibility of the information, by the code's digit. */
const CREDIBILITY: Readonly<Record<string, string>> = {
  '1': 'confirmed by other sources',
  '2': 'probably true',
  '3': 'possibly true',
  '4': 'doubtful',
  '5': 'improbable',
  '6': 'truth cannot be judged',
};

/** Upper case only: `b2` is not a grade. */
const GRADE = /^[A-F][1-6]$/;

const RETRACTED_WORDS = ['true', 'yes'];
const NOT_RETRACTED_WORDS = ['false', 'no'];

/** A source withdrawn or discredited, with the reason when the entry gives one. */
export interface Retraction {
  readonly reason: string | undefined;
}

/** A value of one of the two fields that the spec refuses (`grade: B7`, `retracted: 1`). */
export const NOT_ALLOWED: unique symbol = Symbol('not allowed');

/** What an entry says with one of the two fields; undefined when it says nothing. */
export type FieldValue<T> = T | undefined | typeof NOT_ALLOWED;

/** `grade:` as a code (`B2`); a missing or null field is no grade; any other value is not allowed. */
export function readGrade(value: unknown): FieldValue<string> {
  if (value === undefined || value === null) return undefined;
  const text = typeof value === 'string' ? value.trim() : undefined;
  return text !== undefined && GRADE.test(text) ? text : NOT_ALLOWED;
}

/**
 * `retracted:` as a retraction: `true`/`yes` (in any case, as a boolean or a text) or a text
 * saying why; `false`/`no`, an empty text, a missing or null field are none; any other value
 * (a number, a list, a map) is not allowed, and leaves the source standing.
 */
export function readRetracted(value: unknown): FieldValue<Retraction> {
  if (value === undefined || value === null || value === false) return undefined;
  if (value === true) return { reason: undefined };
  if (typeof value !== 'string') return NOT_ALLOWED;
  const text = value.trim();
  const word = text.toLowerCase();
  if (text === '' || NOT_RETRACTED_WORDS.includes(word)) return undefined;
  return { reason: RETRACTED_WORDS.includes(word) ? undefined : text };
}

/** `B2 — usually reliable, probably true`. */
export function gradeInWords(grade: string): string {
  return `${grade} — ${RELIABILITY[grade[0]!]}, ${CREDIBILITY[grade[1]!]}`;
}

/** What an allowed grade is, for messages. */
export const GRADE_HELP = 'a letter A–F for the reliability of the source and a digit 1–6 for the credibility of the information, in upper case (grade: B2)';
