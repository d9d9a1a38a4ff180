/**
 * Source completion ranks what the user typed against keys, titles, authors and years, so that the
 * source whose title holds the word comes before one that only matches it letter by letter.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { getCompletions, MAX_SOURCES } from '../../server/src/features/completion.js';
import { analyzeFixture, lines } from '../support/check.js';

const FRONT_MATTER = [
  '---',
  'sources:',
  '  dav-2019: {title: Data and views on sanctions, author: Davies, date: 2019}',
  '  wef-2026: {title: Remarks at Davos on Belarus, date: 2026-01-20}',
  '  kyiv-2025: {title: Statement on the border, author: Ministry of Foreign Affairs, date: 2025}',
  'references:',
  '- {id: "smith_title_????", title: Undated report on Davos}',
  '---',
];

async function complete(typed: string) {
  const text = lines(...FRONT_MATTER, `Said at the forum [@${typed}`);
  const { analysis } = await analyzeFixture({ text });
  return getCompletions(analysis, text.length);
}

describe('source completion', () => {
  it('puts the source whose title holds the typed word first, preselected, before a scattered match', async () => {
    const entries = await complete('Davos');
    assert.deepEqual(entries.map((entry) => entry.label), ['wef-2026', 'smith_title_????']);
    assert.equal(entries[0]!.preselect, true);
    assert.ok(entries[0]!.filterText!.startsWith('Davos '), 'filtered by the word that matched');
  });

  it('ranks a key first, then title words, authors and years; a word held inside comes last', async () => {
    assert.deepEqual((await complete('dav')).map((entry) => entry.label), ['dav-2019', 'wef-2026', 'smith_title_????']);
    assert.deepEqual((await complete('2025')).map((entry) => entry.label), ['kyiv-2025']);
    assert.deepEqual((await complete('inist')).map((entry) => entry.label), ['kyiv-2025']);
  });

  it('offers every source, in order and none preselected, before anything is typed', async () => {
    const entries = await complete('');
    assert.deepEqual(entries.map((entry) => entry.label), ['dav-2019', 'wef-2026', 'kyiv-2025', 'smith_title_????']);
    assert.ok(entries.every((entry) => !entry.preselect));
  });

  it(`offers the best ${MAX_SOURCES} of a large library, and the rest as the user types on`, async () => {
    const library = JSON.stringify(Array.from({ length: 3000 }, (_, i) => ({ id: `entry-${i}`, title: i === 2999 ? 'The Davos remarks' : `Report number ${i}` })));
    const text = lines('---', 'bibliography: library.json', '---', 'Said at the forum [@');
    const { analysis } = await analyzeFixture({ text, files: { '/ws/library.json': library } });
    const all = getCompletions(analysis, text.length);
    assert.equal(all.length, MAX_SOURCES);
    assert.equal(all[0]!.label, 'entry-0');
    const { analysis: typed } = await analyzeFixture({ text: `${text}Davos`, files: { '/ws/library.json': library } });
    assert.deepEqual(getCompletions(typed, text.length + 5).map((entry) => entry.label), ['entry-2999']);
  });

  it('inserts a key that is not a plain Pandoc key in braces, as Pandoc cites it', async () => {
    const [entry] = await complete('smith');
    assert.equal(entry!.insertText, '{smith_title_????}');
    assert.equal((await complete('wef'))[0]!.insertText, undefined);
  });
});
