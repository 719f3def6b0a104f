#!/usr/bin/env node
// The `bangkom` command: runs the compiled CLI (npm run build), or the TypeScript
// sources through tsx when working from a checkout that has not been built yet.
const path = require('node:path');
const fs = require('node:fs');
const compiled = path.join(__dirname, '..', 'dist', 'cli', 'main.js');
if (fs.existsSync(compiled)) {
  require(compiled)
    .main(process.argv.slice(2))
    .then((code) => {
      process.exitCode = code;
    });
} else {
  require('tsx/cjs');
  require(path.join(__dirname, '..', 'src', 'cli', 'main.ts'))
    .main(process.argv.slice(2))
    .then((code) => {
      process.exitCode = code;
    });
}
