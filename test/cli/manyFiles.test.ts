import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { runCheck } from '../../server/src/cli/check.js';
import { parseCheckOptions } from '../../server/src/cli/checkOptions.js';
import { generateAnalysis } from '../support/generate.js';
import { CHECKOUT } from '../support/documentation.js';
import { TempDir, lines } from './cliHarness.js';

interface Run {
  status: number;
  out: string;
  err: string;
}

async function check(args: readonly string[], cwd: string): Promise<Run> {
  const run = { status: 0, out: '', err: '' };
  const console = { out: (text: string) => (run.out += text), err: (text: string) => (run.err += text), interactive: false };
  run.status = await runCheck(parseCheckOptions(args), cwd, console, CHECKOUT);
  return run;
}

/** Enough files to be spread over worker threads (on a machine with more than one core). */
const FILE_COUNT = 24;

describe('tradecraft check on many files', () => {
  const dir = new TempDir();
  after(() => dir.remove());
  dir.write('refs.bib', '@misc{known, title={A known source}}\n');
  const names: string[] = [];
  for (let i = 0; i < FILE_COUNT; i++) {
    const name = `doc${String(i).padStart(2, '0')}.md`;
    names.push(name);
    // The first file is large and the others small, so that later files are done first.
    if (i === 0) dir.write(name, generateAnalysis(60_000, 1));
    else if (i === 7) dir.write(name, Buffer.concat([Buffer.from(':claim[Bad bytes '), Buffer.from([0xff, 0xfe]), Buffer.from(']{#c1}\n')]));
    else if (i === 11) dir.write(name, lines('---', 'bibliography: missing.bib', '---', '', ':claim[Cites [@known] and [@nowhere]]{#c1}', ''));
    else if (i === 13) dir.write(name, lines(':claim[Links to [a file](doc01.md) and [none](gone.md)]{#c1}', ''));
    else dir.write(name, i % 3 === 0 ? lines(':claim[Fine [@known]]{#c1}', '') : generateAnalysis(1_000, i));
  }
  const flags = ['--bibliography', 'refs.bib', '--severity', 'unused-source=warning'];

  for (const format of ['json', 'text']) {
    describe(`--format ${format}`, () => {
      let many: Run;
      let oneByOne: Run[];
      before(async () => {
        many = await check(['--format', format, ...flags, '.'], dir.root);
        oneByOne = [];
        for (const name of names) oneByOne.push(await check(['--format', format, ...flags, name], dir.root));
      });

      it('reports what checking the files one at a time reports, in the same order, with the same exit code', () => {
        assert.equal(many.err, oneByOne.map((run) => run.err).join(''));
        assert.match(many.err, /doc07\.md: not valid UTF-8/);
        assert.equal(many.status, Math.max(...oneByOne.map((run) => run.status)));
        assert.deepEqual(reportOf(format, many.out), oneByOne.flatMap((run) => reportOf(format, run.out)));
      });
    });
  }
});

/** The per-file part of a report, so that reports of single files can be joined. */
function reportOf(format: string, out: string): unknown[] {
  return format === 'text' ? out.split('\n').filter((line) => line !== '') : (JSON.parse(out) as { files: unknown[] }).files;
}
