#!/usr/bin/env node
// The `bangkom` command: runs the compiled CLI (npm run build), or the TypeScript
// sources through tsx when working from a checkout that has not been built yet.
const path = require('node:path');
const fs = require('node:fs');
const compiled = path.join(__dirname, '..', 'dist', 'cli', 'main.js');
// BANGKOM_FROM_SOURCE=1 runs functions/src even when functions/dist exists; @bangkom/core is
// always its build (core/dist), so a change in core/ still needs npm run build
if (fs.existsSync(compiled) && !process.env.BANGKOM_FROM_SOURCE) {
  require(compiled)
    .main(process.argv.slice(2))
    .then((code) => {
      process.exitCode = code;
    });
} else {
  // tsx's hooks for require and import() alike (the sources load the local emulator with import())
  const { spawnSync } = require('node:child_process');
  const source = path.join(__dirname, '..', 'src', 'cli', 'main.ts');
  const run = `require(${JSON.stringify(source)}).main(process.argv.slice(1)).then((c) => { process.exitCode = c; });`;
  // tsx resolved from here, not from the user's folder
  const tsx = require('node:url').pathToFileURL(require.resolve('tsx')).href;
  const child = spawnSync(process.execPath, ['--import', tsx, '-e', run, ...process.argv.slice(2)], {
    stdio: 'inherit',
  });
  process.exitCode = child.status ?? 1;
}
