// End-to-end harness: serves the release bundle in dist/ on a loopback port and opens it in
// headless Chromium (Debian's /usr/bin/chromium driven by playwright-core), recording every
// console error, page error, failed or foreign request and CSP violation.
import http from 'node:http';
import fs from 'node:fs';
import zlib from 'node:zlib';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = process.env.DIST ? path.resolve(process.env.DIST)
  : path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist');
const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm',
  '.css': 'text/css', '.svg': 'image/svg+xml', '.bin': 'application/octet-stream',
  '.json': 'application/json', '.safetensors': 'application/octet-stream', '.png': 'image/png',
};

/// Serves dist/ on a loopback port; with `gzip`, compressed for clients that accept it, as a
/// real web server would (the tools that time a first visit use it).
export function serve({ gzip = false } = {}) {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    let file = path.join(root, decodeURIComponent(url.pathname));
    if (!file.startsWith(root)) { res.writeHead(403).end(); return; }
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
    fs.readFile(file, (err, data) => {
      if (err) { res.writeHead(404).end('not found'); return; }
      const headers = { 'content-type': types[path.extname(file)] ?? 'application/octet-stream' };
      if (gzip && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
        headers['content-encoding'] = 'gzip';
        data = zlib.gzipSync(data, { level: 9 });
      }
      res.writeHead(200, headers);
      res.end(data);
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-quic'],
  });
}

/// Opens `pathAndQuery` on the server in a fresh context; returns the page and its problem log.
export async function open(browser, server, pathAndQuery, contextOptions = {}) {
  const origin = `http://127.0.0.1:${server.address().port}`;
  // Service workers only where a test asks for them: a page they control bypasses the routes
  // that fault tests put on requests.
  const context = await browser.newContext({ serviceWorkers: 'block', ...contextOptions });
  const page = await context.newPage();
  const log = { consoleErrors: [], pageErrors: [], failed: [], foreign: [], csp: [] };
  page.on('console', (m) => { if (m.type() === 'error') log.consoleErrors.push(m.text()); });
  page.on('pageerror', (e) => log.pageErrors.push(String(e)));
  page.on('requestfailed', (r) => log.failed.push(`${r.url()} ${r.failure()?.errorText}`));
  page.on('response', (r) => { if (r.status() >= 400) log.failed.push(`${r.url()} ${r.status()}`); });
  page.on('request', (r) => {
    const u = r.url();
    if (!u.startsWith(origin + '/') && !u.startsWith('data:') && !u.startsWith('blob:')) log.foreign.push(u);
  });
  await page.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.goto(origin + pathAndQuery);
  await page.waitForSelector('[data-testid="lang-toggle"]');
  return { page, context, log, origin };
}

/// Draws a 1 on `draw-canvas` with the mouse: one slightly slanted stroke from top to bottom in
/// `steps` moves, with the canvas brought into view first.
export async function strokeOne(page, steps) {
  const canvas = page.locator('[data-testid="draw-canvas"]');
  await canvas.scrollIntoViewIfNeeded();
  const b = await canvas.boundingBox();
  await page.mouse.move(b.x + 0.52 * b.width, b.y + 0.15 * b.height);
  await page.mouse.down();
  await page.mouse.move(b.x + 0.48 * b.width, b.y + 0.85 * b.height, { steps });
  await page.mouse.up();
}

/// One stroke of 120 pointer moves on the Draw canvas, as the benchmarks time it: the time of
/// each move until the page has run inference and every repaint (ms).
export async function timedStroke(page) {
  return page.$eval('[data-testid="draw-canvas"]', async (c) => {
    const r = c.getBoundingClientRect();
    const ev = (type, x, y) => c.dispatchEvent(new PointerEvent(type, { pointerType: 'mouse', pointerId: 1, isPrimary: true,
      button: 0, buttons: 1, bubbles: true, cancelable: true, clientX: r.left + x * r.width, clientY: r.top + y * r.height }));
    // After the handler, Leptos runs inference and every repaint as microtasks; a message on a
    // fresh channel arrives once they are all done.
    const settle = () => new Promise((res) => { const ch = new MessageChannel(); ch.port1.onmessage = res; ch.port2.postMessage(0); });
    const out = [];
    ev('pointerdown', 0.3, 0.2);
    await settle();
    for (let i = 0; i < 120; i++) {
      const t = i / 120;
      const t0 = performance.now();
      ev('pointermove', 0.3 + 0.4 * Math.sin(3 * t), 0.2 + 0.6 * t);
      await settle();
      out.push(performance.now() - t0);
    }
    ev('pointerup', 0.5, 0.8);
    return out;
  });
}

export async function cspViolations(page) {
  return page.evaluate(() => window.__csp);
}
