/** The extension wakes up, and shows its commands, on every language of the documents it checks. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { DOCUMENT_LANGUAGES } from '../../client/src/documentLanguages.js';

const MANIFEST = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as {
  activationEvents: string[];
  contributes: { menus: Record<string, { when?: string }[]> };
};

describe('the languages of the documents checked', () => {
  it('activates the extension on each', () => {
    for (const language of DOCUMENT_LANGUAGES) assert.ok(MANIFEST.activationEvents.includes(`onLanguage:${language}`), language);
  });

  it('shows the commands of an open analysis for each, and for no other language', () => {
    const clauses = Object.values(MANIFEST.contributes.menus).flat().flatMap((item) => (item.when?.startsWith('editorLangId') ? [item.when] : []));
    assert.ok(clauses.length > 0);
    for (const clause of clauses) {
      const pattern = /^editorLangId =~ \/(.*)\/$/.exec(clause)?.[1];
      assert.ok(pattern, `${clause} should match the languages with =~`);
      const matches = new RegExp(pattern);
      for (const language of DOCUMENT_LANGUAGES) assert.ok(matches.test(language), `${clause} leaves out ${language}`);
      assert.ok(!matches.test('plaintext') && !matches.test('markdownish'), `${clause} takes other languages`);
    }
  });
});
