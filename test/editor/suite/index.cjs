// The mocha runner that VS Code's extension host loads (--extensionTestsPath): it runs every
// *.test.cjs file beside it and rejects when a test fails, which makes the host exit non-zero.
// CommonJS, because the host require()s it and the package is "type": "module".
'use strict';
const path = require('node:path');
const fs = require('node:fs');
const { format } = require('node:util');

const Mocha = require('mocha');

// The reporter's lines as one preformatted string each (the workbench shows printf-style
// arguments unformatted), starting with the tag codeServerShim.mjs uses to tell them from the
// workbench's own log. (The extension host's console ignores reassigned methods: hence mocha's hook.)
const tag = process.env.TRADECRAFT_EDITOR_LOG_TAG ?? '';
Mocha.reporters.Base.consoleLog = (...args) => console.log(tag + format(...args));

exports.run = function run() {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60_000, reporter: 'spec' });
  for (const file of fs.readdirSync(__dirname).filter((name) => name.endsWith('.test.cjs')).sort()) {
    mocha.addFile(path.join(__dirname, file));
  }
  return new Promise((resolve, reject) => {
    try {
      const runner = mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} editor test(s) failed`)) : resolve()));
      // Said at once too, since the spec reporter's summary never comes if the run is stopped at its time limit.
      runner.on('fail', (test, error) => Mocha.reporters.Base.consoleLog(`      failed: ${test.fullTitle()}: ${error?.message ?? error}`));
    } catch (error) {
      reject(error);
    }
  });
};
