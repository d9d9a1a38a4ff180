/** What the hover of a hypothesis and the completion of ids after `for=` say of who weighs what. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { getCompletions } from '../../server/src/features/completion.js';
import { getHover } from '../../server/src/features/hover.js';
import { analyzeFixture, lines } from '../support/check.js';

describe('the hover of a hypothesis', () => {
  it('lists evidence under "Evidence for" and claims under "Claims for", never a claim as evidence', async () => {
    const text = lines(
      ':hypothesis[Kyiv is following a precedent]{#h1}',
      '',
      ':evidence[The decree copies an older one [@k]]{#e1 for=h1}',
      '',
      ':claim[The precedent explains the timing]{#c1 for=h1}',
      '',
      ':claim[The timing is a coincidence]{#c2 against=h1}',
    );
    const { analysis } = await analyzeFixture({ text });
    const sections = getHover(analysis, 2)!.contents.split('\n\n');
    const heading = (section: string) => section.split('\n')[0];
    assert.deepEqual(sections.slice(1).map(heading), ['Evidence for:', 'Claims for:', 'Claims against:']);
    assert.match(sections[1]!, /e1/);
    assert.doesNotMatch(sections[1]!, /c1/);
  });
});

describe('completion of ids after for=', () => {
  for (const [name, line] of [['closed', ':claim[Second]{#c2 for=}'], ['unclosed', ':claim[Second]{#c2 for=']] as const) {
    it(`offers the other markers' ids, not the marker's own, in a ${name} attribute block`, async () => {
      const text = lines(':claim[First]{#c1}', '', line);
      const { analysis } = await analyzeFixture({ text });
      const offset = text.indexOf('for=') + 'for='.length;
      assert.deepEqual(getCompletions(analysis, offset).map((entry) => entry.label), ['c1']);
    });
  }
});
