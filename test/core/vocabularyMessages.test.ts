import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeFixture, lines } from '../support/check.js';

const SOURCED = '[the data](https://example.org/d)';

async function messages(text: string, code: string): Promise<string[]> {
  const { diagnostics } = await analyzeFixture({ text });
  return diagnostics.filter((d) => d.code === code).map((d) => d.message);
}

describe('messages written from the vocabulary', () => {
  it('bad-attribute names the kinds an attribute belongs on and the values it allows', async () => {
    const text = lines(
      `:evidence[Sure ${SOURCED}]{#e1 confidence=high}`,
      '',
      `:claim[A verdict ${SOURCED}]{#c1 status=open}`,
      '',
      `:claim[Certain ${SOURCED}]{#c2 confidence=certain}`,
      '',
      `:hypothesis[Maybe ${SOURCED}]{#h1 status=likely for=,c1 src=""}`,
    );
    assert.deepEqual(await messages(text, 'bad-attribute'), [
      'Evidence "e1": confidence= belongs on claims and hypotheses, not on evidence.',
      'Claim "c1": status= belongs on hypotheses, assumptions and indicators, not on claims.',
      'Claim "c2": confidence="certain" is not allowed: use low, moderate or high.',
      'Hypothesis "h1": status="likely" is not allowed: use open, favored or rejected.',
      'Hypothesis "h1": for= has an empty entry: remove the extra comma.',
      'Hypothesis "h1": src= is empty: name at least one source key, or remove it.',
    ]);
  });

  it('unknown-marker names every marker kind', async () => {
    assert.deepEqual(await messages(':cliam[A misspelt claim]{#c1}', 'unknown-marker'), [
      '"cliam" is not a marker name: did you mean "claim"? Only claim, evidence, hypothesis, assumption and indicator, in lower case, are markers.',
    ]);
  });
});
