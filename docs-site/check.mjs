// Browser check of the built site: serves build/ on 127.0.0.1, opens the ConnectedRegistry
// page in headless Chromium, checks that its title, example block and schema block are
// visible, and saves screenshots to artifacts/. Exits non-zero on any failure.
//
// Chromium is driven over the DevTools protocol on a pipe (--remote-debugging-pipe), so
// this needs no npm package: only Node and a Chromium binary (CHROMIUM, else
// /usr/bin/chromium).

import { spawn } from 'node:child_process';
import { createReadStream, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const buildDir = join(here, 'build');
const artifacts = join(here, 'artifacts');
const chromium = process.env.CHROMIUM ?? '/usr/bin/chromium';
const pagePath = '/ContainerRegistry/ConnectedRegistry/';
const TIMEOUT_MS = 60_000;

// What must be visible: a CSS selector and the text it must contain.
const expectations = [
  { what: 'title', selector: 'h1', text: 'ConnectedRegistry' },
  { what: 'example block', selector: 'pre code', text: 'provider.ContainerRegistry.makeConnectedRegistry' },
  { what: 'schema block', selector: 'pre code', text: 'x-ms-client-flatten' },
];

const types = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon', '.xml': 'application/xml' };

/** Serves build/ as a static host does: a folder's index.html stands for the folder. */
function serve() {
  const server = createServer((req, res) => {
    const urlPath = decodeURIComponent(new URL(req.url, 'http://127.0.0.1').pathname);
    let file = normalize(join(buildDir, urlPath));
    if (file !== buildDir && !file.startsWith(buildDir + sep)) {
      res.writeHead(403).end();
      return;
    }
    try {
      if (statSync(file).isDirectory()) file = join(file, 'index.html');
      statSync(file);
    } catch {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  return new Promise((done) => server.listen(0, '127.0.0.1', () => done(server)));
}

/** A DevTools protocol client over Chromium's pipe: messages are JSON, NUL-terminated. */
function devtools(browser) {
  const [, , , toBrowser, fromBrowser] = browser.stdio;
  let nextId = 1;
  const pending = new Map();
  const listeners = [];
  let buffer = '';
  fromBrowser.on('data', (chunk) => {
    buffer += chunk.toString('utf8');
    let end;
    while ((end = buffer.indexOf('\0')) >= 0) {
      const message = JSON.parse(buffer.slice(0, end));
      buffer = buffer.slice(end + 1);
      if (message.id && pending.has(message.id)) {
        const { ok, fail } = pending.get(message.id);
        pending.delete(message.id);
        message.error ? fail(new Error(`${message.error.message} (${message.error.code})`)) : ok(message.result);
      } else if (message.method) {
        listeners.forEach((listener) => listener(message));
      }
    }
  });
  return {
    send(method, params = {}, sessionId) {
      const id = nextId++;
      toBrowser.write(JSON.stringify({ id, method, params, sessionId }) + '\0');
      return new Promise((ok, fail) => pending.set(id, { ok, fail }));
    },
    once(method) {
      return new Promise((ok) => listeners.push((m) => m.method === method && ok(m.params)));
    },
  };
}

/** Runs in the page: each expectation's first matching element that is visible, if any. */
function findVisible(expectations) {
  return expectations.map(({ selector, text }) => {
    const element = [...document.querySelectorAll(selector)].find((e) => e.textContent.includes(text));
    if (!element) return 'missing';
    const box = element.getBoundingClientRect();
    const visible = element.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true }) && box.width > 0 && box.height > 0;
    return visible ? 'visible' : 'hidden';
  });
}

const sleep = (ms) => new Promise((done) => setTimeout(done, ms));

async function main() {
  statSync(join(buildDir, pagePath, 'index.html')); // fails early if the site is not built
  mkdirSync(artifacts, { recursive: true });
  const server = await serve();
  const url = `http://127.0.0.1:${server.address().port}${pagePath}`;
  const profile = mkdtempSync(join(tmpdir(), 'armgen-chromium-'));
  const browser = spawn(
    chromium,
    ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', `--user-data-dir=${profile}`, '--remote-debugging-pipe', 'about:blank'],
    { stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'] },
  );
  let stderr = '';
  browser.stderr.on('data', (chunk) => (stderr += chunk));
  const exited = new Promise((done) => browser.on('close', done));
  browser.on('error', (error) => {
    console.error(`check: cannot start ${chromium}: ${error.message}`);
    rmSync(profile, { recursive: true, force: true });
    process.exit(1);
  });
  const timer = setTimeout(() => {
    console.error(`check: timed out after ${TIMEOUT_MS} ms\n${stderr}`);
    browser.kill('SIGKILL');
    process.exit(1);
  }, TIMEOUT_MS);
  try {
    const cdp = devtools(browser);
    const { targetId } = await cdp.send('Target.createTarget', { url: 'about:blank' });
    const { sessionId } = await cdp.send('Target.attachToTarget', { targetId, flatten: true });
    const send = (method, params) => cdp.send(method, params, sessionId);
    await send('Page.enable');
    await send('Emulation.setDeviceMetricsOverride', { width: 1280, height: 900, deviceScaleFactor: 1, mobile: false });
    const loaded = cdp.once('Page.loadEventFired');
    await send('Page.navigate', { url });
    await loaded;

    // The page is pre-rendered, but React hydrates it after load: poll until it settles.
    const expression = `(${findVisible})(${JSON.stringify(expectations)})`;
    let states = [];
    for (let attempt = 0; attempt < 50; attempt++) {
      const { result } = await send('Runtime.evaluate', { expression, returnByValue: true });
      states = result.value;
      if (states.every((s) => s === 'visible')) break;
      await sleep(200);
    }

    const shot = async (name, params) => {
      const { data } = await send('Page.captureScreenshot', { format: 'png', ...params });
      writeFileSync(join(artifacts, name), Buffer.from(data, 'base64'));
      console.log(`check: screenshot artifacts/${name}`);
    };
    await shot('ConnectedRegistry.png', {});
    // The schema block is far below the fold: a second shot starts at its heading.
    const { result: top } = await send('Runtime.evaluate', {
      expression: `(document.getElementById('swagger-schema')?.getBoundingClientRect().top ?? 0) + window.scrollY`,
      returnByValue: true,
    });
    await shot('ConnectedRegistry-schema.png', {
      captureBeyondViewport: true,
      clip: { x: 0, y: Math.max(0, top.value - 20), width: 1280, height: 900, scale: 1 },
    });

    let failed = false;
    expectations.forEach(({ what, text }, i) => {
      console.log(`check: ${what} ("${text}"): ${states[i]}`);
      failed ||= states[i] !== 'visible';
    });
    if (failed) throw new Error(`not every expected element of ${pagePath} is visible`);
    console.log(`check: ${pagePath} renders`);
  } finally {
    clearTimeout(timer);
    // Chromium writes to its profile until it exits: only then can the profile go.
    browser.kill();
    await exited;
    server.close();
    rmSync(profile, { recursive: true, force: true, maxRetries: 3 });
  }
}

main().catch((error) => {
  console.error(`check: ${error.message}`);
  process.exit(1);
});
