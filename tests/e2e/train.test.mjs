// Training in the browser's worker: start, progress, pause (no further batches), resume, one
// batch, reset, refused settings, persistence across a reload, export and import of weights.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, open } from './harness.mjs';
import { tid, text, waitStatus, progress, ready, exportBytes, tmp, oneBatch } from './training.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });
const chartInk = (page, id) => page.$eval(tid(id), (c) => {
  const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
  let n = 0; for (let i = 0; i < d.length; i += 4) if (d[i] < 200 && d[i + 2] > 150) n++;
  return n;
});

test('start, watch it learn, pause, resume, finish well above chance', async () => {
  const { page, context, log } = await open(browser, server, '/?lang=en');
  await ready(page);
  // Chromium has relaxed SIMD, so it gets that build of the worker.
  assert.equal(await page.getAttribute(tid('train'), 'data-worker'), './worker_relaxed_loader.js');
  await page.fill(tid('train-epochs'), '1');
  const blueBefore = await chartInk(page, 'train-chart-loss');
  await page.click(tid('train-start'));
  await waitStatus(page, 'running');
  await page.waitForFunction(() => document.querySelector('[data-testid="train-progress"]').value >= 10);
  assert.match(await text(page, 'train-loss'), /^\d+\.\d{4}$/);
  assert.ok(Number(await text(page, 'train-throughput')) > 0);
  assert.equal(await text(page, 'train-epoch'), '1');
  // The loss chart is redrawn at most once a second, so its lines can come after the tenth batch.
  await page.waitForFunction(([id, before]) => {
    const c = document.querySelector(`[data-testid="${id}"]`);
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let n = 0; for (let i = 0; i < d.length; i += 4) if (d[i] < 200 && d[i + 2] > 150) n++;
    return n > before;
  }, ['train-chart-loss', blueBefore], { timeout: 5000 }).catch(() => {});
  assert.ok((await chartInk(page, 'train-chart-loss')) > blueBefore, 'the loss chart draws lines');

  // Settings cannot change mid-run: refused with a message, value kept.
  await page.fill(tid('train-lr'), '0.5');
  assert.match(await text(page, 'train-message'), /Pause or reset/);
  assert.equal(await page.inputValue(tid('train-lr')), '0.005');

  await page.click(tid('train-pause'));
  await waitStatus(page, 'paused');
  const [paused] = await progress(page);
  await page.waitForTimeout(1500);
  assert.equal((await progress(page))[0], paused, 'no batches while paused');
  assert.equal(await text(page, 'train-pause'), 'Resume');
  await page.click(tid('train-pause'));
  await waitStatus(page, 'running');
  await waitStatus(page, 'done', 120000);
  const [value, max] = await progress(page);
  assert.equal(value, max);
  assert.equal(max, 125, '8,000 digits in batches of 64');
  const acc = Number(await text(page, 'train-test-acc'));
  assert.ok(acc > 80, `held-out accuracy ${acc} % after one epoch (chance is 10 %)`);
  const cells = await page.$$eval('[data-testid^="train-confusion-"]', (cs) => cs.map((c) => Number(c.textContent)));
  assert.equal(cells.length, 100);
  assert.equal(cells.reduce((a, b) => a + b), 2000);
  assert.ok((await page.$$(tid('train-mistake'))).length > 0);
  assert.deepEqual(log.consoleErrors, []);
  assert.deepEqual(log.pageErrors, []);

  // The trained model is kept: after a reload it is back, and Draw can use it.
  await page.waitForSelector(tid('model-saved'));
  await page.reload();
  await ready(page);
  await page.waitForSelector(tid('model-restored'));
  assert.match(await text(page, 'model-restored'), new RegExp(acc.toFixed(2).replace('.', '\\.')));
  assert.equal(await text(page, 'train-test-acc'), acc.toFixed(2));
  await page.waitForSelector(tid('draw-model-trained'));
  await context.close();
});

test('one batch at a time, then reset to fresh weights (with the plain simd128 worker)', async () => {
  const { page, context } = await open(browser, server, '/?lang=en&simd=basic');
  await ready(page);
  assert.equal(await page.getAttribute(tid('train'), 'data-worker'), './worker_loader.js');
  await oneBatch(page);
  assert.deepEqual(await progress(page), [1, 625]);
  await page.click(tid('train-step'));
  await page.waitForFunction(() => document.querySelector('[data-testid="train-progress"]').value === 2);
  await waitStatus(page, 'paused');
  await page.waitForTimeout(500);
  assert.equal((await progress(page))[0], 2, 'exactly one batch per press');
  await page.click(tid('train-reset'));
  await waitStatus(page, 'idle');
  assert.equal(await text(page, 'train-loss'), '');
  assert.equal((await progress(page))[0], 0);
  await context.close();
});

test('export, re-import, and damaged files refused with the model unchanged', async () => {
  const { page, context } = await open(browser, server, '/?lang=en');
  await ready(page);
  await page.fill(tid('train-epochs'), '1');
  await oneBatch(page);
  const a = await exportBytes(page);
  assert.ok(a.length > 220000, `safetensors of 55,338 floats: ${a.length} bytes`);
  const header = JSON.parse(a.subarray(8, 8 + Number(a.readBigUInt64LE(0))).toString());
  assert.deepEqual(header['conv1.0.weight'].shape, [16, 1, 3, 3]);

  // Damaged: truncated, and a file of another kind. Each is refused; the model stays.
  for (const bad of [tmp('cut.safetensors', a.subarray(0, 5000)), tmp('text.safetensors', Buffer.from('not a model'))]) {
    await page.setInputFiles(tid('model-import'), bad);
    await page.waitForSelector(tid('model-error'));
    assert.match(await text(page, 'model-error'), /unchanged/);
    assert.ok((await exportBytes(page)).equals(a), 'the model is unchanged');
  }
  // Wrong shapes: the header names a conv1 weight of another shape.
  const wrong = Buffer.from(a);
  const h = wrong.subarray(8, 8 + Number(wrong.readBigUInt64LE(0))).toString().replace('[16,1,3,3]', '[16,1,9,1]');
  wrong.write(h, 8);
  await page.setInputFiles(tid('model-import'), tmp('shape.safetensors', wrong));
  await page.waitForFunction(() => /unchanged/.test(document.querySelector('[data-testid="model-error"]')?.textContent));
  assert.ok((await exportBytes(page)).equals(a));

  // Train a little more, then import the first export: the exports match again.
  await page.click(tid('train-step'));
  await page.waitForFunction(() => document.querySelector('[data-testid="train-progress"]').value === 2);
  await waitStatus(page, 'paused');
  assert.ok(!(await exportBytes(page)).equals(a));
  await page.setInputFiles(tid('model-import'), tmp('good.safetensors', a));
  await page.waitForFunction(() => !document.querySelector('[data-testid="model-error"]'));
  await waitStatus(page, 'idle');
  assert.ok((await exportBytes(page)).equals(a), 're-imported weights export byte for byte');
  await context.close();
});

test('helper workers make the same steps as the worker alone', async () => {
  // Without dropout and with SGD (an update proportional to the gradient), a batch split
  // between the worker and its helper must give the same losses as the worker alone.
  const losses = async (query, workers) => {
    const { page, context, log } = await open(browser, server, `/?lang=en${query}`);
    await ready(page);
    await page.fill(tid('train-dropout'), '0');
    await page.selectOption(tid('train-optimizer'), 'sgd');
    await page.fill(tid('train-lr'), '0.05');
    const out = [];
    for (let i = 1; i <= 3; i++) {
      await page.click(tid('train-step'));
      await page.waitForFunction((i) => document.querySelector('[data-testid="train-progress"]').value === i, i);
      await waitStatus(page, 'paused');
      out.push(Number(await text(page, 'train-loss')));
      // The helper says Ready once it has the digits; the first step may come before that.
      if (i > 1 || workers === 1) assert.equal(await text(page, 'train-workers'), String(workers), `batch ${i}`);
    }
    assert.deepEqual(log.pageErrors, []);
    await context.close();
    return out;
  };
  const alone = await losses('&helpers=0', 1);
  const shared = await losses('&helpers=1', 2);
  assert.ok(alone[0] > 1.5, `an untrained model's loss is near ln 10, not ${alone[0]}`);
  for (let i = 0; i < 3; i++) assert.ok(Math.abs(alone[i] - shared[i]) <= 2e-4, `batch ${i + 1}: ${alone[i]} alone, ${shared[i]} shared`);
  assert.ok(alone[2] < alone[0], 'the steps lower the loss');
});
