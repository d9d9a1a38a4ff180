// Bundles the VS Code extension into dist/: the client (dist/extension.cjs, `vscode` left to the
// editor) and the language server with every dependency (dist/server.cjs), as CommonJS because
// VS Code loads extensions with require(). The package is "type": "module", so the bundles must
// be named .cjs. Usage: node scripts/bundle.mjs [--sourcemap]  (source maps are not packaged).
// With --cli, bundles instead the command line (`bin/tradecraft`) into out/bundle/, as ES
// modules: its entry and the worker its checks share files with. Loading some 600 modules one by
// one took the command half a second before it did anything.
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const sourcemap = process.argv.includes('--sourcemap');

const common = {
  absWorkingDir: root,
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  minify: !sourcemap,
  sourcemap,
  logLevel: 'warning',
  metafile: true,
  legalComments: 'none',
};

// A CommonJS dependency's require() of a Node module needs a require in an ES module bundle.
const requireInEsm = "import { createRequire as tradecraftCreateRequire } from 'node:module'; const require = tradecraftCreateRequire(import.meta.url);";

if (process.argv.includes('--cli')) {
  await build({
    ...common,
    format: 'esm',
    minify: false,
    entryPoints: { cli: 'server/src/cli/run.ts', documentWorker: 'server/src/cli/documentWorker.ts' },
    outdir: 'out/bundle',
    banner: { js: requireInEsm },
  });
  process.exit(0);
}

const results = await Promise.all([
  build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.cjs', external: ['vscode'] }),
  build({ ...common, entryPoints: ['server/src/lsp/main.ts'], outfile: 'dist/server.cjs' }),
]);

// import.meta is empty in a CommonJS bundle (cli/main.ts finds package.json by it, so it stays out):
// refuse any module, ours or a dependency's, that reads it.
const readers = results
  .flatMap((result) => Object.keys(result.metafile.inputs))
  .filter((file) => readFileSync(new URL(file, `file://${root}`), 'utf8').includes('import.meta'));
if (readers.length > 0) {
  console.error(`import.meta in a CommonJS bundle: ${[...new Set(readers)].join(', ')}`);
  process.exit(1);
}
