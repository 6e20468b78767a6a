#!/usr/bin/env node
"use strict";
// Entry point of the `poverty` command. The TypeScript sources are compiled to lib/ by `npm run build:cli`
// (run automatically by `npm install` through the "prepare" script).
const path = require("path");
const fs = require("fs");
const entry = path.join(__dirname, "..", "lib", "src", "cli", "main.js");
if (!fs.existsSync(entry)) {
  process.stderr.write(
    "Chưa biên dịch CLI. Chạy: npm run build:cli\nThe CLI is not compiled yet. Run: npm run build:cli\n",
  );
  process.exit(2);
}
// A closed pipe (`poverty validate … | head`) is not an error of the data: stop quietly.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (e) => {
    if (e && e.code === "EPIPE") process.exit(process.exitCode || 0);
    throw e;
  });
}
const { main, processIO, installCleanup } = require(entry);
installCleanup();
main(process.argv.slice(2), processIO).then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    process.stderr.write(String((e && e.stack) || e) + "\n");
    process.exitCode = 2;
  },
);
