#!/usr/bin/env node
/**
 * `npm run stop`: end the sideloaded debugging session started by `npm start`
 * (office-addin-debugging stop), with usage data off; where sideloading is impossible it
 * explains the alternatives and exits 0. See start.cjs.
 */
'use strict';

const { runDebugging } = require('./start.cjs');

process.exit(runDebugging('stop', process.argv.slice(2)));
