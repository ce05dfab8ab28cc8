#!/usr/bin/env node
// The `mgraph` executable: everything is in main(), so that tests can call it in-process too.
import { main } from './main.js';

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
