// Training throughput in headless Firefox (Debian's firefox-esr through geckodriver) against
// headless Chromium, in one run: for each set-up (as the page starts the worker, ?helpers=0, and
// ?helpers=0&simd=basic) the browsers take turns for a few rounds, so noise from other work on the
// machine hits both alike. Each reading is the median of train-throughput sampled once a second
// from the third to the tenth second of a run of the seed model with the default settings.
//
//   trunk build --release --offline=true && node tools/bench_firefox.mjs
//   FIREFOX=/path/to/firefox ROUNDS=3 node tools/bench_firefox.mjs
import { serve, launch } from '../tests/e2e/harness.mjs';
import { firefox } from '../tests/firefox/webdriver.mjs';

const ROUNDS = Number(process.env.ROUNDS ?? 2);
const SETUPS = ['/?lang=en', '/?lang=en&helpers=0', '/?lang=en&helpers=0&simd=basic'];
const SECONDS = 10;

// Both run in the page, the same in either browser.
const isReady = () => document.querySelector('[data-testid="train"]')?.dataset.ready === 'true'
  && document.querySelector('[data-testid="train-status"]')?.textContent === 'idle';
const reading = () => [document.querySelector('[data-testid="train-status"]').textContent,
  Number(document.querySelector('[data-testid="train-throughput"]').textContent),
  document.querySelector('[data-testid="train"]').dataset.worker];

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s.length ? s[Math.floor(s.length / 2)] : NaN; };
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/// Starts a run and samples it; returns the median images/s and the worker build in use.
async function sampleRun(evaluate, click) {
  await click();
  const xs = [];
  let worker;
  for (let s = 1; s <= SECONDS; s++) {
    await sleep(1000);
    const [status, ips, w] = await evaluate(reading);
    worker = w;
    if (s >= 3 && status === 'running') xs.push(ips);
  }
  return { ips: median(xs), worker };
}

async function inFirefox(url) {
  const ff = await firefox();
  try {
    await ff.goto(url);
    await ff.waitFor(() => document.querySelector('[data-testid="train"]'));
    await ff.run(() => document.querySelector('[data-testid="train"]').scrollIntoView());
    await ff.waitFor(isReady, { timeout: 120000 });
    return await sampleRun((f) => ff.run(f), () => ff.run(() => document.querySelector('[data-testid="train-start"]').click()));
  } finally { await ff.close(); }
}

async function inChromium(url) {
  const browser = await launch();
  try {
    const page = await (await browser.newContext({ serviceWorkers: 'block' })).newPage();
    await page.goto(url);
    await page.locator('[data-testid="train"]').scrollIntoViewIfNeeded();
    await page.waitForFunction(isReady, null, { timeout: 120000 });
    return await sampleRun((f) => page.evaluate(f), () => page.click('[data-testid="train-start"]'));
  } finally { await browser.close(); }
}

const server = await serve();
const origin = `http://127.0.0.1:${server.address().port}`;
const results = {};
for (let round = 1; round <= ROUNDS; round++) {
  for (const setup of SETUPS) {
    for (const [name, run] of [['chromium', inChromium], ['firefox', inFirefox]]) {
      const r = await run(origin + setup);
      (results[setup] ??= { chromium: [], firefox: [] })[name].push(r.ips);
      console.log(`round ${round} ${name.padEnd(8)} ${setup.padEnd(32)} ${Math.round(r.ips)} images/s (${r.worker})`);
    }
  }
}
server.close();
console.log('\nmedians over rounds, images/s:');
for (const [setup, r] of Object.entries(results)) {
  const [c, f] = [median(r.chromium), median(r.firefox)];
  console.log(`${setup.padEnd(32)} Chromium ${Math.round(c)}  Firefox ${Math.round(f)}  Firefox/Chromium ${(f / c).toFixed(2)}`);
}
