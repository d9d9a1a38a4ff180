import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diagnosticLines, lines } from '../support/check.js';

const SOURCED = '[the data](https://example.org/d)';
const NEXT = `:claim[Another ${SOURCED}]{#c2}`;

/** One typo in the first marker's attribute block, in each form, before a marker that is fine. */
const TYPOS: Record<string, string> = {
  'an unclosed quote (inline)': lines(`:claim[One ${SOURCED}]{#c1 for="h1}`, NEXT),
  'an unclosed quote (leaf)': lines(`::claim[One ${SOURCED}]{#c1 for="h1}`, NEXT),
  'an unclosed quote (block)': lines(`:::claim{#c1 for="h1}`, `One ${SOURCED}`, ':::', '', NEXT),
  'a missing } before a marker on the same line': `:claim[One ${SOURCED}]{#c1 ${NEXT}`,
  'a missing } with an unclosed quote before a marker on the same line': `:claim[One ${SOURCED}]{#c1 for="h1 ${NEXT}`,
  'a missing } before the next line (inline)': lines(`:claim[One ${SOURCED}]{#c1`, NEXT),
  'a missing } before the next line (leaf)': lines(`::claim[One ${SOURCED}]{#c1`, NEXT),
  'a missing } before the next line (block)': lines(`:::claim{#c1`, `One ${SOURCED} and ${NEXT}`, ':::'),
};

describe('one typo in an attribute block', () => {
  for (const [name, text] of Object.entries(TYPOS)) {
    it(`gives one diagnostic, bad-attribute on that marker: ${name}`, async () => {
      assert.deepEqual(await diagnosticLines(text), ['1:bad-attribute']);
    });
  }
});
