#!/usr/bin/env node
// The `minsheng` command. Runs the TypeScript sources through tsx, so no build step stands between
// `npm ci` and a running server.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
