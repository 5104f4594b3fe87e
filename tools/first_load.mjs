// The first visit, measured in headless Chromium on the release bundle in dist/: every request
// until the page is idle (no request for 2 s), their bytes as served and as gzip would send them,
// (served with gzip, as a web server would), the time to the first paint (the static skeleton), to the app's first screen (the overview's
// prediction shown) and to idle; on loopback and on throttled profiles (Chromium's network
// emulation: 4G as 9 Mbit/s down, 1.5 up, 60 ms; slow 4G as 1.6 Mbit/s down, 0.75 up, 150 ms).
// Usage: trunk build --release && node tools/first_load.mjs
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { serve, launch } from '../tests/e2e/harness.mjs';

const dist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../dist');
const PROFILES = {
  loopback: null,
  '4G': { latency: 60, downloadThroughput: (9e6 / 8), uploadThroughput: (1.5e6 / 8) },
  'slow 4G': { latency: 150, downloadThroughput: (1.6e6 / 8), uploadThroughput: (0.75e6 / 8) },
};

async function visit(browser, origin, profile) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, serviceWorkers: 'block' });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  if (profile) await cdp.send('Network.emulateNetworkConditions', { offline: false, ...profile });
  const requests = [];
  let last = Date.now();
  page.on('request', () => { last = Date.now(); });
  page.on('requestfinished', (r) => { last = Date.now(); requests.push(new URL(r.url()).pathname); });
  const t0 = Date.now();
  await page.goto(origin + '/?lang=en', { waitUntil: 'commit' });
  await page.waitForFunction(() => /^[0-9]$/.test(document.querySelector('[data-testid="overview-prediction"]')?.textContent.trim() ?? ''),
    null, { timeout: 120000, polling: 20 });
  const firstScreen = Date.now() - t0;
  while (Date.now() - last < 2000) await page.waitForTimeout(200);
  const idle = last - t0;
  const fcp = await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN);
  await context.close();
  return { requests, firstScreen, idle, fcp };
}

const server = await serve({ gzip: true });
const origin = `http://127.0.0.1:${server.address().port}`;
const browser = await launch();
try {
  for (const [name, profile] of Object.entries(PROFILES)) {
    const v = await visit(browser, origin, profile);
    if (name === 'loopback') {
      let raw = 0, gz = 0;
      for (const p of v.requests) {
        const file = path.join(dist, p === '/' ? 'index.html' : decodeURIComponent(p));
        const bytes = fs.readFileSync(file);
        const packed = zlib.gzipSync(bytes, { level: 9 }).length;
        raw += bytes.length;
        gz += packed;
        console.log(`  ${p.padEnd(44)} ${String(bytes.length).padStart(9)} B  gzip ${packed} B`);
      }
      console.log(`requests before idle: ${v.requests.length}, ${(raw / 1e6).toFixed(2)} MB as served, ${(gz / 1e6).toFixed(2)} MB gzip`);
      const training = v.requests.filter((p) => /mnist-10k|worker/.test(p));
      console.log(`training files among them: ${training.length ? training.join(', ') : 'none'}`);
    }
    console.log(`${name}: first paint ${v.fcp.toFixed(0)} ms, first screen (prediction shown) ${v.firstScreen} ms, idle ${v.idle} ms`);
  }
} finally {
  await browser.close();
  server.close();
}
