// Every preset architecture of the editor trained in the browser for the same budget (one
// epoch of 8,000 digits, the default settings: Adam, learning rate 5e-3, batch 64, seed 1),
// with the page's workers: parameters, images per second at the end of the run, held-out
// accuracy. The seed model runs first and last, so a drift of the machine's speed shows.
// Usage: trunk build --release && node tools/bench_presets.mjs
import { serve, launch } from '../tests/e2e/harness.mjs';

const tid = (id) => `[data-testid="${id}"]`;
const presets = ['seed', 'tiny', 'lenet', 'allconv', 'dilated', 'seed'];
const server = await serve();
const browser = await launch();
const page = await browser.newPage();
await page.goto(`http://127.0.0.1:${server.address().port}/?lang=en`);
await page.waitForFunction(() => document.querySelector('[data-testid="train-status"]')?.textContent === 'idle', null, { timeout: 60000 });
const rows = [];
for (const p of presets) {
  await page.selectOption(tid('arch-preset'), p);
  await page.fill(tid('train-epochs'), '1');
  await page.click(tid('train-reset'));
  await page.waitForFunction(() => document.querySelector('[data-testid="train-status"]')?.textContent === 'idle');
  await page.click(tid('train-start'));
  await page.waitForFunction(() => document.querySelector('[data-testid="train-status"]')?.textContent === 'done', null, { timeout: 300000 });
  const model = (await page.textContent(tid('train-model'))).trim();
  const params = model.match(/([\d,]+) parameters/)[1];
  const ips = (await page.textContent(tid('train-throughput'))).trim();
  const acc = (await page.textContent(tid('train-test-acc'))).trim();
  rows.push({ preset: p, params, ips, acc });
  console.log(`${p.padEnd(8)} ${params.padStart(7)} parameters  ${ips.padStart(6)} images/s  ${acc} % held out`);
}
await browser.close();
server.close();
