// Preloaded into the test server (`node -r ./loopback.cjs <package>/dist/cli/cli.js run
// --port=0`) by armgen's tests and scripts/testserver-coverage:
// - the server listens on 127.0.0.1 only (the package listens on every interface);
// - once listening it prints `listening on port N` on stdout, so a free port (`--port=0`)
//   can be used without a race;
// - it exits when its stdin closes, so it never outlives the process that started it.
"use strict";
const net = require("net");

const listen = net.Server.prototype.listen;
net.Server.prototype.listen = function (port, ...rest) {
  if (typeof port === "number" && (rest.length === 0 || typeof rest[0] === "function")) {
    rest.unshift("127.0.0.1");
  }
  this.once("listening", () => {
    process.stdout.write(`listening on port ${this.address().port}\n`);
  });
  return listen.call(this, port, ...rest);
};

process.stdin.on("end", () => process.exit(0));
process.stdin.resume();
