import { runCheck, type Console } from './check.js';
import { parseCheckOptions, UsageError } from './checkOptions.js';
import { checkHelp, LSP_HELP, MAIN_HELP, viewHelp } from './help.js';
import { parseViewOptions } from './viewOptions.js';
import { packageRootAbove, readPackageInfo } from '../node/packageInfo.js';
import { runView } from './views.js';
import { EXPORT_HELP, parseExportOptions, runExport } from './exportCommand.js';
import { INIT_HELP, parseInitOptions, runInit } from './initCommand.js';
import { NEW_HELP, parseNewOptions, runNew } from './newCommand.js';

/** Runs the command line and returns the exit status. Never throws. */
export async function main(args: readonly string[], cwd: string, console: Console): Promise<number> {
  const [command, ...rest] = args;
  try {
    switch (command) {
      case undefined:
        console.err(MAIN_HELP);
        return 2;
      case '-h':
      case '--help':
      case 'help':
        console.out(MAIN_HELP);
        return 0;
      case '-v':
      case '--version':
        console.out(`${readPackageInfo(PACKAGE_ROOT).version}\n`);
        return 0;
      case 'check': {
        const options = parseCheckOptions(rest);
        if (options.help) {
          console.out(checkHelp());
          return 0;
        }
        return await runCheck(options, cwd, console, readPackageInfo(PACKAGE_ROOT));
      }
      case 'assumptions':
      case 'indicators':
      case 'sources':
      case 'matrix':
      case 'map': {
        const options = parseViewOptions(command, rest);
        if (options.help) {
          console.out(viewHelp(command));
          return 0;
        }
        return await runView(options, cwd, console);
      }
      case 'export': {
        const options = parseExportOptions(rest);
        if (options.help) {
          console.out(EXPORT_HELP);
          return 0;
        }
        return await runExport(options, cwd, console);
      }
      case 'init': {
        if (parseInitOptions(rest).help) {
          console.out(INIT_HELP);
          return 0;
        }
        return runInit(cwd, console);
      }
      case 'new': {
        const options = parseNewOptions(rest);
        if (options.help) {
          console.out(NEW_HELP);
          return 0;
        }
        return await runNew(options, cwd, console);
      }
      case 'lsp': {
        if (rest.includes('--help') || rest.includes('-h')) {
          console.out(LSP_HELP);
          return 0;
        }
        const { startNodeServer } = await import('../lsp/nodeServer.js');
        startNodeServer(rest, readPackageInfo(PACKAGE_ROOT));
        return 0;
      }
      default:
        throw new UsageError(`"${command}" is not a command. Run "tradecraft --help" for the commands.`);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      console.err(`tradecraft: ${error.message}\n`);
      return 2;
    }
    console.err(`tradecraft: internal error, please report it: ${error instanceof Error ? error.stack : String(error)}\n`);
    return 2;
  }
}

/** The checkout or installed package this command runs from (from its bundle in `out/bundle/`, or from `out/server/src/cli/`). */
const PACKAGE_ROOT = packageRootAbove(new URL('./', import.meta.url));
