// Prettier oracle for armgen's differential tests: reads one JSON string (a JS source) per
// line on stdin and prints, per line, the JSON string of what Prettier 2.5.1 formats it to.
"use strict";
const prettier = require("prettier");
const readline = require("readline");

const lines = readline.createInterface({ input: process.stdin, terminal: false });
const out = [];
lines.on("line", (line) => {
  const source = JSON.parse(line);
  out.push(JSON.stringify(prettier.format(source, { parser: "babel" })));
});
lines.on("close", () => process.stdout.write(out.map((l) => l + "\n").join("")));
