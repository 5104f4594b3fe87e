// Browser benchmarks of the release bundle in dist/, in headless Chromium, all in one run:
//  1. Draw: one inference plus repainting every feature map, per pointer move (ms), against
//     the 16.7 ms of one animation frame.
//  2. Train: the worker's training throughput (batch 64, Adam) measured on the page as images
//     per second of wall time: as the page starts it (the relaxed-SIMD build Chromium gets, with
//     its helper workers), alone (?helpers=0), and alone in the plain simd128 build, against
//     TensorFlow.js with its WebAssembly backend training the same model with the same batch and
//     optimiser in the same browser (bench/tfjs; install it with `npm ci --prefix bench/tfjs`,
//     or pass --no-peer).
//  3. Train: seconds from pressing Start (default settings) to 97 % held-out accuracy, and the
//     longest main-thread task while training (PerformanceObserver longtask).
//  4. With --idx (alone): the official files' scale. Builds IDX files of 60,000 training and
//     10,000 test images from the shipped digits (by repetition with one-pixel shifts, in
//     /tmp, nothing committed: tests/e2e/idx.mjs), imports them through the Data panel, and
//     times one epoch of the 60,000 against one epoch of the shipped 8,000 in the same session,
//     in turns (--rounds=N, default 2): images/s and their ratio, the epoch's seconds, the
//     import's seconds, and the longest main-thread task while training and while importing.
// With --explain, the drawing is timed twice, with the Draw canvas in view and with the Explain
// section in view (its saliency and Grad-CAM then follow the pen, the Draw section's pictures
// do not), and then the Explain section's heavy views are run once each (occlusion with a
// 1-pixel patch at every pixel, the search for the least ε, the filters' images): their time
// from the press to the result and the longest main-thread task meanwhile.
// Usage: trunk build --release && node tools/bench_browser.mjs [--no-peer] [--epochs=N] [--draw-only] [--idx] [--explain]
// (DIST=<dir> serves another build, e.g. an older one, for a comparison in the same session.)
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { serve, launch, timedStroke } from '../tests/e2e/harness.mjs';
import { officialSet, gzip } from '../tests/e2e/idx.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const args = Object.fromEntries(process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=')).map(([k, v]) => [k, v ?? true]));
const median = (a) => { const s = [...a].sort((x, y) => x - y); return s.length ? s[s.length >> 1] : NaN; };
const pct = (a, p) => { const s = [...a].sort((x, y) => x - y); return s[Math.min(s.length - 1, Math.floor(p * s.length))]; };
const tid = (id) => `[data-testid="${id}"]`;

/// `view`: the part of the page in view while drawing, 'draw' (the canvas) or 'explain'.
async function benchDraw(browser, origin, view = 'draw') {
  const page = await browser.newPage();
  await page.goto(origin + '/?lang=en');
  await page.waitForSelector(tid('draw-maps-0'));
  if (view === 'explain') {
    await page.locator(tid('explain')).scrollIntoViewIfNeeded();
    await page.waitForFunction(() => document.querySelector('[data-testid="explain-gradcam"] canvas')?.width === 28);
  } else {
    await page.locator(tid('draw-canvas')).scrollIntoViewIfNeeded();
  }
  const times = await timedStroke(page);
  const lifts = await timedLifts(page);
  await page.close();
  return { medianMs: median(times.slice(10)), p95Ms: pct(times.slice(10), 0.95), liftMs: median(lifts) };
}

/// Ten dots on the Draw canvas: the time from each pointerup until the page has done what the
/// lifted pen asks (ms); with the Explain section in view, its catching up with the stroke.
async function timedLifts(page) {
  return page.$eval('[data-testid="draw-canvas"]', async (c) => {
    const r = c.getBoundingClientRect();
    const ev = (type, x, y) => c.dispatchEvent(new PointerEvent(type, { pointerType: 'mouse', pointerId: 1, isPrimary: true,
      button: 0, buttons: type === 'pointerup' ? 0 : 1, bubbles: true, cancelable: true, clientX: r.left + x * r.width, clientY: r.top + y * r.height }));
    const settle = () => new Promise((res) => { const ch = new MessageChannel(); ch.port1.onmessage = res; ch.port2.postMessage(0); });
    const out = [];
    for (let i = 0; i < 10; i++) {
      const [x, y] = [0.2 + 0.06 * i, 0.5];
      ev('pointerdown', x, y);
      await settle();
      const t0 = performance.now();
      ev('pointerup', x, y);
      await settle();
      out.push(performance.now() - t0);
    }
    return out;
  });
}

/// The Explain section's heavy views, one run each on the built-in sample: ms from the press
/// until the result shows, and the longest main-thread task (ms) meanwhile (0: none over 50 ms).
async function benchExplainJobs(browser, origin) {
  const page = await browser.newPage();
  await page.addInitScript(() => {
    window.__longtasks = [];
    new PerformanceObserver((l) => l.getEntries().forEach((e) => window.__longtasks.push([e.startTime, e.duration])))
      .observe({ type: 'longtask', buffered: true });
  });
  await page.goto(origin + '/?lang=en');
  await page.locator(tid('explain')).scrollIntoViewIfNeeded();
  await page.waitForFunction(() => document.querySelector('[data-testid="explain-gradcam"] canvas')?.width === 28);
  await page.fill(tid('explain-occlusion-patch'), '1');
  await page.fill(tid('explain-occlusion-stride'), '1');
  await page.locator(tid('explain-occlusion-stride')).press('Tab');
  await page.selectOption(tid('explain-adversarial-target'), '8');
  const jobs = {
    occlusion: ['explain-occlusion-run', '[data-testid="explain-occlusion-base"]'],
    search: ['explain-adversarial-run', '[data-testid="explain-adversarial-sizes"]'],
    filters: ['explain-filters-run', '[data-testid="explain-filter-image"]'],
  };
  const out = {};
  for (const [name, [button, done]] of Object.entries(jobs)) {
    out[name] = await page.evaluate(async ([button, done]) => {
      await new Promise((r) => setTimeout(r, 200));
      const t0 = performance.now();
      document.querySelector(`[data-testid="${button}"]`).click();
      await new Promise((resolve) => {
        const check = () => document.querySelector(done) && resolve();
        new MutationObserver(check).observe(document.body, { subtree: true, childList: true, characterData: true });
        check();
      });
      const ms = performance.now() - t0;
      // Long tasks are reported after they end: give the observer a turn.
      await new Promise((r) => setTimeout(r, 100));
      const longest = window.__longtasks.filter(([s, d]) => s + d >= t0 && s <= t0 + ms).reduce((m, [, d]) => Math.max(m, d), 0);
      return { ms, longestTaskMs: longest };
    }, [button, done]);
  }
  await page.close();
  return out;
}

async function benchTrain(browser, origin, epochs, query = '') {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(() => {
    window.__longtasks = [];
    new PerformanceObserver((l) => l.getEntries().forEach((e) => window.__longtasks.push([e.startTime, e.duration])))
      .observe({ type: 'longtask', buffered: true });
  });
  await page.goto(origin + '/?lang=en' + query);
  // The worker starts when the Train section comes near (builds before it: at once).
  await page.locator(tid('train')).scrollIntoViewIfNeeded();
  await page.waitForFunction(() => document.querySelector('[data-testid="train"]')?.dataset.ready !== 'false'
    && document.querySelector('[data-testid="train-status"]')?.textContent === 'idle', null, { timeout: 60000 });
  const worker = await page.getAttribute(tid('train'), 'data-worker');
  if (epochs) await page.fill(tid('train-epochs'), String(epochs));
  const t0 = await page.evaluate(() => { document.querySelector('[data-testid="train-start"]').click(); return performance.now(); });
  // Samples of (time, batches done) and the first time the held-out accuracy reaches 97 %.
  const result = await page.evaluate(async (t0) => {
    const q = (id) => document.querySelector(`[data-testid="${id}"]`);
    const samples = []; const accs = []; let reached = null;
    while (true) {
      await new Promise((r) => setTimeout(r, 50));
      const now = performance.now();
      samples.push([now, q('train-progress').value, Number(q('train-epoch').textContent)]);
      const acc = Number(q('train-test-acc').textContent);
      if (acc && (!accs.length || accs[accs.length - 1][1] !== acc)) accs.push([(now - t0) / 1000, acc]);
      if (reached === null && acc >= 97) reached = (now - t0) / 1000;
      if (['done', 'error'].includes(q('train-status').textContent)) break;
    }
    return { samples, accs, reached, end: (performance.now() - t0) / 1000 };
  }, t0);
  const longtasks = await page.evaluate((t0) => window.__longtasks.filter(([s]) => s >= t0), t0);
  await context.close();
  // Throughput within the first epoch, away from its start and its evaluation.
  const first = result.samples.filter(([, b]) => b >= 10 && b <= 115);
  const [ta, ba] = first[0]; const [tb, bb] = first[first.length - 1];
  return {
    worker,
    imagesPerSec: ((bb - ba) * 64) / ((tb - ta) / 1000),
    secondsTo97: result.reached,
    accuracyByTime: result.accs,
    totalSeconds: result.end,
    longestTaskMs: longtasks.reduce((m, [, d]) => Math.max(m, d), 0),
    longTasks: longtasks.length,
  };
}

/// One epoch (batch 64, Adam) on the shipped digits, or on the IDX files at `files` imported
/// through the Data panel first: images/s inside the epoch (away from its start and its
/// evaluation), the epoch's seconds from Start to done (its evaluation included), and the
/// longest main-thread task while training (and while importing).
async function benchEpoch(browser, origin, files) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(() => {
    window.__longtasks = [];
    new PerformanceObserver((l) => l.getEntries().forEach((e) => window.__longtasks.push([e.startTime, e.duration])))
      .observe({ type: 'longtask', buffered: true });
  });
  await page.goto(origin + '/?lang=en');
  await page.locator(tid('train')).scrollIntoViewIfNeeded();
  const idle = () => page.waitForFunction(() => document.querySelector('[data-testid="train"]')?.dataset.ready === 'true'
    && document.querySelector('[data-testid="train-status"]')?.textContent === 'idle'
    && !document.querySelector('[data-testid="train-start"]').disabled, null, { timeout: 120000 });
  await idle();
  let importSeconds = null; let importLongestMs = null;
  if (files) {
    const i0 = await page.evaluate(() => performance.now());
    await page.locator(tid('data-import')).setInputFiles(files);
    await page.waitForFunction(() => /60,000 training/.test(document.querySelector('[data-testid="data-source"]')?.textContent ?? ''), null, { timeout: 120000 });
    const i1 = await page.evaluate(() => performance.now());
    importSeconds = (i1 - i0) / 1000;
    importLongestMs = await page.evaluate(([a, b]) => window.__longtasks.filter(([s]) => s >= a && s <= b).reduce((m, [, d]) => Math.max(m, d), 0), [i0, i1]);
    // The worker has the set once it is idle again, with Start enabled.
    await page.waitForTimeout(200);
    await idle();
  }
  await page.fill(tid('train-epochs'), '1');
  const t0 = await page.evaluate(() => { document.querySelector('[data-testid="train-start"]').click(); return performance.now(); });
  const result = await page.evaluate(async () => {
    const q = (id) => document.querySelector(`[data-testid="${id}"]`);
    const samples = [];
    while (true) {
      await new Promise((r) => setTimeout(r, 100));
      samples.push([performance.now(), q('train-progress').value, q('train-progress').max]);
      if (['done', 'error'].includes(q('train-status').textContent)) break;
    }
    return { samples, status: q('train-status').textContent, end: performance.now(), acc: Number(q('train-test-acc').textContent) };
  });
  const longtasks = await page.evaluate((t0) => window.__longtasks.filter(([s]) => s >= t0), t0);
  await context.close();
  if (result.status !== 'done') throw new Error(`the run ended in ${result.status}`);
  const batches = result.samples[result.samples.length - 1][2];
  const inside = result.samples.filter(([, b]) => b >= 10 && b <= batches - 10);
  const [ta, ba] = inside[0]; const [tb, bb] = inside[inside.length - 1];
  return {
    batches,
    imagesPerSec: ((bb - ba) * 64) / ((tb - ta) / 1000),
    epochSeconds: (result.end - t0) / 1000,
    accuracy: result.acc,
    longestTaskMs: longtasks.reduce((m, [, d]) => Math.max(m, d), 0),
    longTasks: longtasks.length,
    importSeconds,
    importLongestMs,
  };
}

/// The four official files of a 60,000 + 10,000 set built from the shipped digits, gzip'd as
/// the official ones are, in a fresh directory of /tmp.
function idxFiles() {
  const set = officialSet(60000, 10000);
  const dir = fs.mkdtempSync('/tmp/convlab-bench-idx-');
  const files = {
    'train-images-idx3-ubyte.gz': gzip(set.trainImages), 'train-labels-idx1-ubyte.gz': gzip(set.trainLabels),
    't10k-images-idx3-ubyte.gz': gzip(set.testImages), 't10k-labels-idx1-ubyte.gz': gzip(set.testLabels),
  };
  return Object.entries(files).map(([name, bytes]) => { const p = path.join(dir, name); fs.writeFileSync(p, bytes); return p; });
}

// The peer's data: the same 10,000 digits, every fifth one held out.
function peerData(dir) {
  const raw = zlib.inflateSync(fs.readFileSync(path.join(here, '../public/mnist-10k.bin')));
  const n = raw.readUInt32LE(8); const labels = raw.subarray(20, 20 + n); const px = raw.subarray(20 + n);
  const split = { train: [], test: [] };
  for (let i = 0; i < n; i++) (i % 5 === 0 ? split.test : split.train).push(i);
  fs.mkdirSync(dir, { recursive: true });
  for (const [name, ids] of Object.entries(split)) {
    fs.writeFileSync(path.join(dir, `${name}_images.u8`), Buffer.concat(ids.map((i) => px.subarray(i * 784, (i + 1) * 784))));
    fs.writeFileSync(path.join(dir, `${name}_labels.u8`), Buffer.from(ids.map((i) => labels[i])));
  }
}

async function benchPeer(browser) {
  const root = path.join(here, '../bench/tfjs');
  if (!fs.existsSync(path.join(root, 'node_modules/@tensorflow/tfjs-backend-wasm'))) {
    throw new Error('the peer is not installed: npm ci --prefix bench/tfjs (or pass --no-peer)');
  }
  peerData(path.join(root, 'data'));
  const types = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm' };
  const server = http.createServer((req, res) => {
    const f = path.join(root, path.normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname)));
    if (!f.startsWith(root) || !fs.existsSync(f) || fs.statSync(f).isDirectory()) { res.writeHead(404).end(); return; }
    res.writeHead(200, { 'content-type': types[path.extname(f)] ?? 'application/octet-stream' });
    fs.createReadStream(f).pipe(res);
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const page = await browser.newPage();
  await page.goto(`http://127.0.0.1:${server.address().port}/index.html?epochs=2`);
  await page.waitForFunction(() => window.__result, null, { timeout: 0, polling: 1000 });
  const res = await page.evaluate(() => window.__result);
  await page.close(); server.close();
  if (res.error) throw new Error(res.error);
  return { imagesPerSec: res.trainImgPerSecMedian, simd: res.info.simd, threads: res.info.threads };
}

const server = await serve();
const browser = await launch();
const origin = `http://127.0.0.1:${server.address().port}`;
const rounds = Number(args.rounds ?? (args.idx ? 2 : 3));
try {
  if (args.idx) {
    const files = idxFiles();
    const runs = { shipped: [], idx: [] };
    for (let r = 0; r < rounds; r++) {
      runs.shipped.push(await benchEpoch(browser, origin, null));
      runs.idx.push(await benchEpoch(browser, origin, files));
      const [a, b] = [runs.shipped[r], runs.idx[r]];
      console.log(`round ${r + 1}: shipped 8,000: ${a.imagesPerSec.toFixed(0)} images/s, epoch ${a.epochSeconds.toFixed(1)} s, ${a.accuracy} %, longest task ${a.longestTaskMs.toFixed(0)} ms (${a.longTasks} over 50 ms); ` +
        `IDX 60,000: ${b.imagesPerSec.toFixed(0)} images/s (${(b.imagesPerSec / a.imagesPerSec).toFixed(2)}x), epoch ${b.epochSeconds.toFixed(1)} s, ${b.accuracy} %, longest task ${b.longestTaskMs.toFixed(0)} ms (${b.longTasks} over 50 ms); ` +
        `import ${b.importSeconds.toFixed(1)} s, its longest task ${b.importLongestMs.toFixed(0)} ms`);
    }
    const med = (k, f) => median(runs[k].map(f));
    console.log(`one epoch, medians of ${rounds} rounds: shipped ${med('shipped', (x) => x.imagesPerSec).toFixed(0)} images/s, ` +
      `IDX 60,000 ${med('idx', (x) => x.imagesPerSec).toFixed(0)} images/s = ${(med('idx', (x) => x.imagesPerSec) / med('shipped', (x) => x.imagesPerSec)).toFixed(2)}x; ` +
      `longest main-thread task while training ${Math.max(...runs.idx.map((x) => x.longestTaskMs)).toFixed(0)} ms (IDX), ${Math.max(...runs.shipped.map((x) => x.longestTaskMs)).toFixed(0)} ms (shipped)`);
    console.log('RESULT ' + JSON.stringify(runs));
    fs.rmSync(path.dirname(files[0]), { recursive: true, force: true });
    process.exit(0);
  }
  const draw = await benchDraw(browser, origin);
  console.log(`draw: inference + repaint of every map ${draw.medianMs.toFixed(2)} ms median, ${draw.p95Ms.toFixed(2)} ms p95 per pointer move = ${(draw.medianMs / 16.7).toFixed(2)} of a 16.7 ms frame`);
  if (args.explain) {
    const explain = await benchDraw(browser, origin, 'explain');
    console.log(`draw with the Explain section in view: ${explain.medianMs.toFixed(2)} ms median, ${explain.p95Ms.toFixed(2)} ms p95 per pointer move (${(explain.medianMs / draw.medianMs).toFixed(2)}x and ${(explain.p95Ms / draw.p95Ms).toFixed(2)}x the canvas in view); pen lifted ${explain.liftMs.toFixed(2)} ms median (canvas in view: ${draw.liftMs.toFixed(2)} ms)`);
    const jobs = await benchExplainJobs(browser, origin);
    console.log('explain, press to result (longest main-thread task): ' + Object.entries(jobs)
      .map(([k, v]) => `${k} ${v.ms.toFixed(0)} ms (${v.longestTaskMs ? v.longestTaskMs.toFixed(0) + ' ms' : 'none over 50 ms'})`).join(', '));
    console.log('RESULT ' + JSON.stringify({ draw, explain, jobs }));
  }
  if (args['draw-only']) process.exit(0);
  const run = await benchTrain(browser, origin, args.epochs ? Number(args.epochs) : 0);
  console.log(`time to 97 % (${run.worker}, default settings): ${run.secondsTo97?.toFixed(1) ?? 'not reached'} s (accuracy by time: ${run.accuracyByTime.map(([t, a]) => `${t.toFixed(1)} s ${a}`).join(', ')}); longest main-thread task ${run.longestTaskMs.toFixed(0)} ms (${run.longTasks} tasks over 50 ms)`);
  // Throughput: the worker as the page starts it (with its helper workers), the same alone
  // (?helpers=0), alone with the plain simd128 build, and the peer take turns, so noise from
  // other work on the machine hits all alike; medians over the rounds.
  const kinds = { helpers: '', alone: '&helpers=0', simd128: '&helpers=0&simd=basic' };
  const speeds = { helpers: [], alone: [], simd128: [], peer: [] };
  for (let r = 0; r < rounds; r++) {
    for (const [k, q] of Object.entries(kinds)) speeds[k].push((await benchTrain(browser, origin, 1, q)).imagesPerSec);
    if (!args['no-peer']) speeds.peer.push((await benchPeer(browser)).imagesPerSec);
    console.log(`round ${r + 1}: ` + Object.entries(speeds).map(([k, v]) => `${k} ${v[r]?.toFixed(0) ?? '-'}`).join(', ') + ' images/s');
  }
  const m = Object.fromEntries(Object.entries(speeds).map(([k, v]) => [k, median(v)]));
  console.log(`training images/s, medians of ${rounds} rounds: ` + Object.keys(kinds).map((k) => `${k} ${m[k].toFixed(0)}` +
    (speeds.peer.length ? ` (${(m[k] / m.peer).toFixed(2)}x TF.js-wasm)` : '')).join(', ') +
    (speeds.peer.length ? `, TF.js-wasm ${m.peer.toFixed(0)}` : ''));
  console.log('RESULT ' + JSON.stringify({ draw, run, speeds, medians: m }));
} finally {
  await browser.close();
  server.close();
}
