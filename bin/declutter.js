#!/usr/bin/env node
// Launcher: the CLI itself is built into dist/ by `npm run build` (run by `npm ci`).
import('../dist/cli/main.js').then(
  ({ main }) => main(process.argv),
  (error) => {
    if (error.code !== 'ERR_MODULE_NOT_FOUND') throw error;
    process.stderr.write('declutter: not built yet; run `npm run build` (or `npm ci`) first\n');
    process.exit(2);
  },
);
