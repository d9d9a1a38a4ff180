import { startNodeServer } from './nodeServer.js';

/** The entry of the bundled server (`dist/server.cjs`), which the VS Code client starts. */
startNodeServer(process.argv.slice(2));
