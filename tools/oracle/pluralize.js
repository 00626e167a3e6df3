// Oracle for armgen's port of pluralize's singular rules: one JSON string per input line
// in, `JSON.stringify(pluralize.singular(word))` per line out.
const pluralize = require("pluralize");
const lines = require("fs").readFileSync(0, "utf8").split("\n").filter((line) => line !== "");
process.stdout.write(lines.map((line) => JSON.stringify(pluralize.singular(JSON.parse(line))) + "\n").join(""));
