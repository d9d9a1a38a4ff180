/** The argument map (server/src/views/argumentMap.ts): a node a marker, an edge what names what. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { argumentMap, type ArgumentMap } from '../../server/src/views/argumentMap.js';
import { analyzeFixture, lines } from '../support/check.js';

const SOURCED = '[the data](https://example.org/d)';

async function mapOf(text: string): Promise<ArgumentMap> {
  return argumentMap((await analyzeFixture({ text })).analysis);
}

/** `e1 -for-> c1`, `i1 -against?-> h1` for an edge that waits for its indicator to be observed. */
function edgeLines(map: ArgumentMap): string[] {
  const id = (index: number) => map.nodes.find((node) => node.index === index)!.id;
  return map.edges.map((edge) => `${id(edge.from)} -${edge.relation}${edge.pending ? '?' : ''}-> ${id(edge.to)}`);
}

describe('the argument map', () => {
  it('has a node a marker, with its kind and status, and marks the unsupported claims', async () => {
    const map = await mapOf(lines(
      `:claim[Grounded ${SOURCED}]{#c1}`,
      ':claim[Nothing grounds me]{#c2}',
      ':claim[]{#c3}',
      ':hypothesis[A]{#h1 status=favored}',
      ':assumption[Minsk decides]{#a1}',
      ':indicator[Barracks]{#i1 status=watch}',
    ));
    assert.deepEqual(map.nodes.map((node) => [node.id, node.kind, node.status, node.unsupported]), [
      ['c1', 'claim', 'none', false],
      ['c2', 'claim', 'none', true],
      // An empty claim is only empty-marker.
      ['c3', 'claim', 'none', false],
      ['h1', 'hypothesis', 'favored', false],
      ['a1', 'assumption', 'none', false],
      ['i1', 'indicator', 'watch', false],
    ]);
  });

  it('draws for, against, nesting as for, the assumptions judgments rest on, and what a watched indicator would do', async () => {
    const map = await mapOf(lines(
      ':::hypothesis{#h1 assumes=a1}',
      `Moscow wants a base :evidence[flatcars ${SOURCED}]{#e1}.`,
      ':::',
      ':hypothesis[The exercise ended]{#h2}',
      `:evidence[Trains left ${SOURCED}]{#e2 for=h2 against=h1}`,
      ':assumption[Minsk decides]{#a1}',
      `:claim[Kyiv hedges :assumption[for now]{#a2}]{#c1 for=h2}`,
      ':indicator[Barracks]{#i1 for=h1 against=h2 status=watch}',
      `:indicator[Trains return ${SOURCED}]{#i2 for=h2 status=observed}`,
      ':evidence[]{#e3 for=h1}',
    ));
    assert.deepEqual(edgeLines(map), [
      'a1 -assumes-> h1',
      'e1 -for-> h1',
      'e2 -for-> h2',
      'e2 -against-> h1',
      'c1 -for-> h2',
      'a2 -assumes-> c1',
      'i1 -for?-> h1',
      'i1 -against?-> h2',
      'i2 -for-> h2',
    ]);
  });

  it('is empty for a document that does not use the language', async () => {
    assert.deepEqual(await mapOf('# Notes\n\nNothing marked.\n'), { nodes: [], edges: [] });
  });
});
