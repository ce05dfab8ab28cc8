#!/usr/bin/env node
// The `mgraph` executable. This file is committed (not built) so that `npm ci` on a clean
// clone links it into node_modules/.bin before `npm run build` has written dist/.
import '../dist/bin.js';
