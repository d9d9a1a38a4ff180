import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeFixture } from '../support/check.js';
import { PATHOLOGICAL_SHAPES } from '../support/pathological.js';

/**
 * A bound that only a blow-up breaks, not a speed goal (those are in `npm run bench`): each
 * document is 1 MB, which a quadratic path takes minutes on and a linear one seconds.
 */
const BOUND_MS = 60_000;
const SIZE = 1_000_000;

describe('hostile shapes of 1 MB are read in linear time, and what follows them is read', () => {
  it('reads unclosed marker labels without looking for their end past the marker (was 160 s)', async () => {
    const started = Date.now();
    const { analysis, diagnostics } = await analyzeFixture({ text: PATHOLOGICAL_SHAPES.unclosedMarkerLabels(SIZE) });
    assert.ok(Date.now() - started < BOUND_MS, `took ${Date.now() - started} ms`);
    assert.deepEqual(analysis.markersById.get('e1')?.attributes.for, ['c1'], 'the marker after the hostile part is read');
    assert.deepEqual(diagnostics.map((d) => d.code), ['unsupported-claim', 'unknown-source']);
  });
});
