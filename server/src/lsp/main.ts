import { pathToFileURL } from 'node:url';
import { readPackageInfo } from '../node/packageInfo.js';
import { startNodeServer } from './nodeServer.js';

/**
 * The entry of the bundled server (`dist/server.cjs`), which the VS Code client starts. The bundle
 * is CommonJS, so it finds the extension's folder, one above `dist/`, by `__dirname`.
 */
startNodeServer(process.argv.slice(2), readPackageInfo(pathToFileURL(`${__dirname}/../`)));
