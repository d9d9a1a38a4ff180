// Bundles the VS Code extension into dist/: the client (dist/extension.cjs, `vscode` left to the
// editor) and the language server with every dependency (dist/server.cjs), as CommonJS because
// VS Code loads extensions with require(). The package is "type": "module", so the bundles must
// be named .cjs. Usage: node scripts/bundle.mjs [--sourcemap]  (source maps are not packaged).
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
  // ESM dependencies bundled into CommonJS lose import.meta (fdir, under tinyglobby, calls
  // createRequire(import.meta.url) as it loads): give them the bundle's own URL instead.
  banner: { js: 'var __importMetaUrl = require("node:url").pathToFileURL(__filename).href;' },
  define: { 'import.meta.url': '__importMetaUrl' },
};

const results = await Promise.all([
  build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.cjs', external: ['vscode'] }),
  build({ ...common, entryPoints: ['server/src/lsp/main.ts'], outfile: 'dist/server.cjs' }),
]);

// The define above would also hide our own code's import.meta.url, which in dist/ points elsewhere
// than in out/ (cli/main.ts finds package.json by it): refuse it outside node_modules.
const ours = results
  .flatMap((result) => Object.keys(result.metafile.inputs))
  .filter((file) => !file.includes('node_modules/') && readFileSync(new URL(file, `file://${root}`), 'utf8').includes('import.meta'));
if (ours.length > 0) {
  console.error(`import.meta in a CommonJS bundle: ${[...new Set(ours)].join(', ')}`);
  process.exit(1);
}
