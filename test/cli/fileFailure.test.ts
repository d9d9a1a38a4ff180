import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { runCheck } from '../../server/src/cli/check.js';
import { parseCheckOptions } from '../../server/src/cli/checkOptions.js';
import { createService, type ServiceOptions } from '../../server/src/service.js';
import { CHECKOUT } from '../support/documentation.js';
import { TempDir, lines } from './cliHarness.js';

/** A service whose analysis of one file throws, as a defect in the core would. */
function failingOn(fileName: string) {
  return (options: ServiceOptions) => {
    const service = createService(options);
    return {
      ...service,
      analyze: async (document: Parameters<typeof service.analyze>[0]) => {
        if (document.uri.path.endsWith(fileName)) throw new Error('boom\n    at somewhere (file.js:1:1)');
        return service.analyze(document);
      },
    };
  };
}

describe('a file whose check fails', () => {
  const dir = new TempDir();
  after(() => dir.remove());
  dir.write('a.md', lines(':claim[Unsupported]{#c1}', ''));
  dir.write('b.md', lines(':claim[Also unsupported]{#c2}', ''));
  dir.write('c.md', lines(':claim[Unsupported too]{#c3}', ''));

  it('is reported on stderr with its path and one line, and costs the others nothing (exit 2)', async () => {
    let out = '';
    let err = '';
    const console = { out: (text: string) => (out += text), err: (text: string) => (err += text), interactive: false };
    const status = await runCheck(parseCheckOptions(['--format', 'json', '.']), dir.root, console, CHECKOUT, failingOn('b.md'));
    assert.equal(status, 2);
    assert.deepEqual((JSON.parse(out) as { files: { path: string }[] }).files.map((file) => file.path), ['a.md', 'c.md']);
    assert.equal(err, 'tradecraft: b.md: could not be checked (boom)\n');
  });
});
