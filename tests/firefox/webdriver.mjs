// A small W3C WebDriver client over HTTP (Node's fetch) for geckodriver: just what the Firefox
// smoke test needs. Playwright drives only its own patched Firefox builds, not Debian's
// firefox-esr, so Firefox is reached the standard way.
import { spawn } from 'node:child_process';
import net from 'node:net';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// WebDriver's key for an element reference in JSON.
const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
  });
}

export function geckodriverPath() {
  if (process.env.GECKODRIVER) return process.env.GECKODRIVER;
  const cargo = path.join(process.env.CARGO_HOME ?? path.join(os.homedir(), '.cargo'), 'bin', 'geckodriver');
  return fs.existsSync(cargo) ? cargo : 'geckodriver';
}

/// Starts geckodriver and a headless Firefox session; `prefs` are Firefox preferences.
export async function firefox({ prefs = {}, binary = process.env.FIREFOX ?? '/usr/bin/firefox-esr' } = {}) {
  const port = await freePort();
  const driver = spawn(geckodriverPath(), ['--port', String(port), '--host', '127.0.0.1'], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  driver.stderr.on('data', (d) => { stderr += d; });
  const base = `http://127.0.0.1:${port}`;
  // geckodriver listens a moment after it starts.
  for (let i = 0; ; i++) {
    try { await fetch(`${base}/status`); break; } catch (e) {
      if (i > 100 || driver.exitCode !== null) { driver.kill(); throw new Error(`geckodriver did not start: ${stderr}`); }
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  const caps = {
    browserName: 'firefox',
    'moz:firefoxOptions': { binary, args: ['-headless'], prefs },
  };
  const call = async (method, url, body) => {
    const res = await fetch(base + url, {
      method,
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = await res.json();
    if (!res.ok) throw new Error(`WebDriver ${method} ${url}: ${json.value?.error}: ${json.value?.message}`);
    return json.value;
  };
  // A session that cannot start must not leave geckodriver running (it would keep Node alive).
  const created = await call('POST', '/session', { capabilities: { alwaysMatch: caps } })
    .catch((e) => { driver.kill(); throw e; });
  return new Session(call, created.sessionId, driver);
}

class Session {
  constructor(call, id, driver) {
    this.call = call;
    this.id = id;
    this.driver = driver;
  }

  cmd(method, url, body) {
    return this.call(method, `/session/${this.id}${url}`, body);
  }

  goto(url) { return this.cmd('POST', '/url', { url }); }

  /// The current window's handle.
  window() { return this.cmd('GET', '/window'); }

  /// Opens a new tab and returns its handle (the current window stays current).
  async newTab() { return (await this.cmd('POST', '/window/new', { type: 'tab' })).handle; }

  /// Makes the window `handle` current.
  switchTo(handle) { return this.cmd('POST', '/window', { handle }); }

  /// Runs `fn` (a function or its source) in the page with `args`; returns its result.
  run(fn, ...args) {
    return this.cmd('POST', '/execute/sync', { script: `return (${fn}).apply(null, arguments)`, args });
  }

  async find(css) {
    const v = await this.cmd('POST', '/element', { using: 'css selector', value: css });
    return v[ELEMENT];
  }

  click(element) { return this.cmd('POST', `/element/${element}/click`, {}); }

  text(element) { return this.cmd('GET', `/element/${element}/text`); }

  async clear(element) { await this.cmd('POST', `/element/${element}/clear`, {}); }

  type(element, text) { return this.cmd('POST', `/element/${element}/value`, { text }); }

  /// Input actions (W3C "Perform Actions"); `sources` as the spec has them.
  async actions(sources) {
    await this.cmd('POST', '/actions', { actions: sources });
    await this.cmd('DELETE', '/actions');
  }

  /// Polls `fn` in the page until it returns a truthy value; returns that value.
  async waitFor(fn, { timeout = 60000, every = 100, args = [] } = {}) {
    const end = Date.now() + timeout;
    for (;;) {
      const v = await this.run(fn, ...args);
      if (v) return v;
      if (Date.now() > end) throw new Error(`timed out after ${timeout} ms waiting for ${fn}`);
      await new Promise((r) => setTimeout(r, every));
    }
  }

  async close() {
    try { await this.call('DELETE', `/session/${this.id}`); } finally { this.driver.kill(); }
  }
}

export { ELEMENT };
