#!/usr/bin/env node
/** `npm run cli -- …`: rebuilds the command line if the sources changed, then runs it. */
const { stale, build, entry } = require('./build-cli.cjs');
if (stale()) build();
const args = process.argv.slice(2);
require(entry)
  .run(args)
  .then(
    (code) => (process.exitCode = code),
    () => (process.exitCode = 2),
  );
