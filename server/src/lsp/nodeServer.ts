import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { nodeHost } from '../node/nodeHost.js';
import type { PackageInfo } from '../node/packageInfo.js';
import { startServer } from './server.js';

const TRANSPORT_FLAGS = /^--(stdio|node-ipc|socket=|pipe=)/;

/**
 * Starts the language server on this process. The transport comes from the arguments (`--stdio`,
 * `--node-ipc`, `--socket=N`, `--pipe=NAME`); without one, standard input and output.
 */
export function startNodeServer(args: readonly string[], about: PackageInfo): void {
  const connection = args.some((arg) => TRANSPORT_FLAGS.test(arg))
    ? createConnection(ProposedFeatures.all)
    : createConnection(ProposedFeatures.all, process.stdin, process.stdout);
  startServer(connection, nodeHost, about);
}
