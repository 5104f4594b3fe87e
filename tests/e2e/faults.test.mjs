// What learners do to a training run, and what must survive it: Reset pressed mid-run, a run
// that learns nothing, a worker that dies or never loads, oversized and padded weight files, an
// import made while the worker is still loading. Each ends in a working page with the right
// model kept.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { serve, launch, open } from './harness.mjs';
import { tid, text, waitStatus, progress, ready, exportBytes, tmp, oneBatch, openTrain } from './training.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

async function trainOneEpoch(page) {
  await page.fill(tid('train-epochs'), '1');
  await page.click(tid('train-start'));
  await waitStatus(page, 'done', 120000);
  await page.waitForSelector(tid('model-saved'));
  return Number(await text(page, 'train-test-acc'));
}

async function restoredAccuracy(page) {
  await page.reload();
  await ready(page);
  await page.waitForSelector(tid('model-restored'));
  return text(page, 'model-restored');
}

test('reset in the middle of a run keeps the model trained before it', async () => {
  // The worker alone: without helpers the batch report already on its way when Reset is pressed
  // used to arrive after it every time, and the fresh weights then replaced the kept model.
  const { page, context, log } = await openTrain(browser, server, '/?lang=en&helpers=0');
  const acc = await trainOneEpoch(page);
  assert.ok(acc > 80, `one epoch: ${acc} %`);
  await page.fill(tid('train-epochs'), '3');
  await page.click(tid('train-start'));
  await page.waitForFunction(() => document.querySelector('[data-testid="train-progress"]').value >= 5);
  await page.click(tid('train-reset'));
  await waitStatus(page, 'idle');
  await page.waitForTimeout(700);
  assert.equal((await progress(page))[0], 0, 'the discarded run left no progress behind');
  assert.equal(await text(page, 'train-loss'), '');
  assert.match(await restoredAccuracy(page), new RegExp(acc.toFixed(2).replace('.', '\\.')));
  assert.deepEqual(log.pageErrors, []);
  await context.close();
});

test('a run that learns nothing is said to be so and does not replace the kept model', async () => {
  for (const [lang, words] of [['en', /no better than guessing/], ['ko', /무작위로 찍는 수준/]]) {
    const { page, context } = await open(browser, server, `/?lang=${lang}`);
    await ready(page);
    const acc = await trainOneEpoch(page);
    // SGD at the largest learning rate the page accepts overshoots until every ReLU is dead.
    await page.selectOption(tid('train-optimizer'), 'sgd');
    await page.fill(tid('train-lr'), '10');
    await page.click(tid('train-reset'));
    await waitStatus(page, 'idle');
    await page.click(tid('train-start'));
    await waitStatus(page, 'done', 120000);
    assert.ok(Number(await text(page, 'train-test-acc')) < 20);
    await page.waitForSelector(tid('train-verdict'));
    assert.match(await text(page, 'train-verdict'), words);
    assert.match(await restoredAccuracy(page), new RegExp(acc.toFixed(2).replace('.', '\\.')));
    await context.close();
  }
});

test('a worker that dies is replaced and gets the last weights back', async () => {
  const { page, context } = await openTrain(browser, server, '/?lang=en&helpers=0');
  await oneBatch(page);
  const before = await exportBytes(page);
  // An uncaught error inside the worker, as a trap or running out of memory would end it.
  const [worker] = page.workers();
  await worker.evaluate(() => setTimeout(() => { throw new Error('boom'); }));
  await page.waitForSelector(tid('train-error'));
  assert.match(await text(page, 'train-error'), /stopped working/);
  // A fresh worker starts, loads the digits and is given the weights it had.
  await waitStatus(page, 'idle');
  await page.waitForTimeout(500);
  assert.ok((await exportBytes(page)).equals(before), 'the weights survived the worker');
  await oneBatch(page);
  assert.equal((await progress(page))[0], 1, 'the new worker trains');
  await context.close();
});

test('a worker script that does not load ends in a sentence, not a hang', async () => {
  const { page, context } = await open(browser, server, '/?lang=ko');
  await context.route('**/worker*loader.js', (r) => r.fulfill({ status: 404, body: 'not found' }));
  await page.reload();
  // The worker starts when the Train section comes near.
  await page.locator(tid('train')).scrollIntoViewIfNeeded();
  await page.waitForFunction(() => /워커/.test(document.querySelector('[data-testid="train-error"]')?.textContent ?? ''));
  await waitStatus(page, 'error');
  await page.waitForTimeout(1500);
  assert.equal(await text(page, 'train-status'), 'error', 'the page gave up instead of restarting forever');
  assert.ok(await page.isDisabled(tid('train-start')));
  // The rest of the page works.
  await page.fill(tid('conv-stride-h'), '2');
  await page.waitForFunction(() => /2\)/.test(document.querySelector('[data-testid="conv-pytorch"]').textContent));
  await context.close();
});

test('an oversized file is refused unread; a padded one is kept without its padding', async () => {
  const { page, context } = await openTrain(browser, server, '/?lang=en');
  await oneBatch(page);
  const good = await exportBytes(page);
  await page.setInputFiles(tid('model-import'), tmp('huge.safetensors', Buffer.alloc(9 << 20)));
  await page.waitForSelector(tid('model-error'));
  assert.match(await text(page, 'model-error'), /9\.0 MiB.*8\.0 MiB.*unchanged/);
  // The same weights with a megabyte of metadata: imported, and only the weights remain.
  const len = Number(good.readBigUInt64LE(0));
  const header = JSON.parse(good.subarray(8, 8 + len).toString());
  header.__metadata__ = { note: 'x'.repeat(1 << 20) };
  const h = Buffer.from(JSON.stringify(header));
  const size = Buffer.alloc(8);
  size.writeBigUInt64LE(BigInt(h.length));
  await page.setInputFiles(tid('model-import'), tmp('padded.safetensors', Buffer.concat([size, h, good.subarray(8 + len)])));
  await page.waitForFunction(() => !document.querySelector('[data-testid="model-error"]'));
  await waitStatus(page, 'idle');
  assert.ok((await exportBytes(page)).equals(good), 'the weights, without the metadata');
  await context.close();
});

test('a file whose tensor is named like a placeholder is refused at once, and the page answers', async () => {
  // The shipped weights plus one tensor named `{e|x}`: the refusal's sentence once substituted
  // that name into itself forever and froze the tab.
  const shipped = readFileSync(new URL('../../public/pretrained.safetensors', import.meta.url));
  const len = Number(shipped.readBigUInt64LE(0));
  const header = JSON.parse(shipped.subarray(8, 8 + len).toString());
  const end = Math.max(...Object.values(header).flatMap((t) => t.data_offsets ?? []));
  header['{e|x}'] = { dtype: 'F32', shape: [1], data_offsets: [end, end + 4] };
  const h = Buffer.from(JSON.stringify(header));
  const size = Buffer.alloc(8);
  size.writeBigUInt64LE(BigInt(h.length));
  const file = Buffer.concat([size, h, shipped.subarray(8 + len), Buffer.alloc(4)]);
  for (const [lang, says] of [['en', /^Not imported: The file holds a tensor "\{e\|x\}" that this model does not have\. The current model is unchanged\.$/],
    ['ko', /^가져오지 못했습니다\. 파일에 이 모델에 없는 텐서\("\{e\|x\}"\)가 있습니다\. 현재 모델은 그대로입니다\.$/]]) {
    const { page, context } = await openTrain(browser, server, `/?lang=${lang}`);
    const before = await exportBytes(page);
    const t0 = Date.now();
    await page.setInputFiles(tid('model-import'), tmp('braces.safetensors', file));
    await page.waitForSelector(tid('model-error'), { timeout: 1000 });
    assert.ok(Date.now() - t0 < 1000, 'refused within a second');
    assert.match(await text(page, 'model-error'), says);
    // The page still answers: the stepper steps, and the model is the one before.
    await page.click(tid('conv-next'));
    assert.match(await text(page, 'conv-step'), /^1\//);
    assert.ok((await exportBytes(page)).equals(before), 'the model is unchanged');
    await context.close();
  }
});

test('an import made while the worker is still loading reaches it once it is ready', async () => {
  const { page, context } = await openTrain(browser, server, '/?lang=en');
  await oneBatch(page);
  const trained = await exportBytes(page);
  // Hold the digits back so the next worker is still loading when the file is chosen.
  let release;
  const held = new Promise((r) => { release = r; });
  await context.route('**/mnist-10k.bin', async (route) => { await held; await route.continue(); });
  await page.evaluate(() => indexedDB.deleteDatabase('convlab'));
  await page.reload();
  await page.waitForSelector(tid('model-import'), { state: 'attached' });
  await page.locator(tid('train')).scrollIntoViewIfNeeded();
  await page.waitForFunction(() => document.querySelector('[data-testid="train-status"]')?.textContent === 'loading');
  await page.setInputFiles(tid('model-import'), tmp('while-loading.safetensors', trained));
  await page.waitForFunction(() => /imported/.test(document.querySelector('.model-files')?.textContent ?? ''));
  assert.equal(await text(page, 'train-status'), 'loading', 'the file was chosen while the worker loaded');
  release();
  await ready(page);
  await page.waitForTimeout(500);
  assert.ok((await exportBytes(page)).equals(trained), 'the worker got the imported weights');
  await context.close();
});

test('settings changed while paused are said to wait for the next Start, in Korean too', async () => {
  const { page, context } = await openTrain(browser, server, '/?lang=ko');
  await page.fill(tid('train-batch'), '0');
  await page.waitForSelector(tid('train-message'));
  const refusal = await text(page, 'train-message');
  assert.match(refusal, /배치 크기/);
  assert.doesNotMatch(refusal, /batch/, 'no English key in the Korean sentence');
  await page.fill(tid('train-batch'), '64');
  await oneBatch(page);
  assert.equal(await page.$(tid('train-note')), null);
  await page.fill(tid('train-lr'), '0.001');
  await page.waitForSelector(tid('train-note'));
  assert.match(await text(page, 'train-note'), /다음 ‘시작’부터/);
  await oneBatch(page);
  assert.equal((await progress(page))[0], 2, 'One batch went on with the run');
  await context.close();
});

test('a save that fails says so instead of claiming the model is kept', async () => {
  const { page, context } = await open(browser, server, '/?lang=en');
  await page.addInitScript(() => {
    IDBObjectStore.prototype.put = function () { throw new DOMException('full', 'QuotaExceededError'); };
  });
  await page.reload();
  await ready(page);
  await oneBatch(page);
  await page.waitForSelector(tid('model-save-error'));
  assert.match(await text(page, 'model-save-error'), /could not be saved.*QuotaExceededError.*export/);
  assert.equal(await page.$(tid('model-saved')), null);
  // The model is still here for this page: Draw can use it.
  await page.waitForSelector(tid('draw-model-trained'));
  await context.close();
});

test('two tabs stay in step about the kept model', async () => {
  const { page: a, context, origin } = await open(browser, server, '/?lang=en');
  const b = await context.newPage();
  await b.goto(origin + '/?lang=en');
  await ready(a);
  await ready(b);
  assert.equal(await b.$(tid('model-saved')), null);
  await oneBatch(a);
  await a.waitForSelector(tid('model-saved'));
  await a.waitForTimeout(300);
  assert.equal(await a.$(tid('model-restored')), null, 'the saving tab hears nothing of its own news');
  // The other tab hears of it, shows it as kept and offers it to Draw, without touching its run.
  await b.waitForSelector(tid('model-saved'));
  await b.waitForSelector(tid('draw-model-trained'));
  assert.equal(await text(b, 'train-status'), 'idle');
  await a.click(tid('model-forget'));
  await b.waitForFunction(() => !document.querySelector('[data-testid="model-saved"]'));
  await context.close();
});

test('random button mashing, then Reset, leaves a working page', async () => {
  const { page, context, log } = await openTrain(browser, server, '/?lang=en');
  // A fixed sequence from a small generator, so a failure can be replayed.
  let x = 12345;
  const next = () => { x = (x * 1103515245 + 12345) % 2147483648; return x; };
  const buttons = ['train-start', 'train-pause', 'train-step', 'train-reset'];
  for (let i = 0; i < 40; i++) {
    const id = buttons[next() % buttons.length];
    if (await page.isEnabled(tid(id))) await page.click(tid(id));
    await page.waitForTimeout(next() % 120);
  }
  await page.waitForFunction(() => !document.querySelector('[data-testid="train-reset"]').disabled);
  await page.click(tid('train-reset'));
  await waitStatus(page, 'idle');
  await page.waitForTimeout(500);
  assert.equal(await text(page, 'train-status'), 'idle');
  assert.equal((await progress(page))[0], 0);
  // And it still trains.
  await oneBatch(page);
  assert.equal((await progress(page))[0], 1);
  assert.deepEqual(log.pageErrors, []);
  assert.equal(await page.$(tid('train-error')), null);
  await context.close();
});
