'use strict';
// Ground truth for armgen's `util.inspect` port (generator/src/inspect/).
//
// Reads stdin, one JSON document per line, and prints one line per input: the
// JSON-encoded string `util.inspect(value, { depth })`. An input is either
//   {"value": <any JSON>, "depth": N}
// (the value exactly as JSON.parse builds it), or a graph with sharing and cycles
//   {"graph": [<node>, ...], "root": i, "depth": N}
// where a node is {"scalar": <JSON scalar>}, {"array": [i, ...]} or
// {"object": [["key", i], ...]} and i indexes the node list; the same index twice is
// the same JavaScript object.
const util = require('util');

function buildGraph(nodes, root) {
  // Create every container first so references (including cycles) can point at it.
  const built = nodes.map((node) => {
    if ('array' in node) return [];
    if ('object' in node) return {};
    return node.scalar;
  });
  nodes.forEach((node, index) => {
    if ('array' in node) {
      for (const child of node.array) built[index].push(built[child]);
    } else if ('object' in node) {
      for (const [key, child] of node.object) {
        // defineProperty, not assignment: a "__proto__" key must become an own
        // property, as JSON.parse makes it.
        Object.defineProperty(built[index], key, {
          value: built[child], enumerable: true, writable: true, configurable: true,
        });
      }
    }
  });
  return built[root];
}

const answers = [];
for (const line of require('fs').readFileSync(0, 'utf8').split('\n')) {
  if (line === '') continue;
  const input = JSON.parse(line);
  const value = 'graph' in input ? buildGraph(input.graph, input.root) : input.value;
  answers.push(JSON.stringify(util.inspect(value, { depth: input.depth })));
}
process.stdout.write(answers.map((answer) => `${answer}\n`).join(''));
