import { main } from './main.js';
import type { Console } from './check.js';

/** The `tradecraft` command: runs `main` on this process's arguments and streams. */
const stdoutConsole: Console = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  interactive: process.stderr.isTTY === true,
};

main(process.argv.slice(2), process.cwd(), stdoutConsole).then((status) => {
  process.exitCode = status;
});
