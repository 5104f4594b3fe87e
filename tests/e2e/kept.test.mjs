// My models: every run is kept in its own entry, a later run never replaces an earlier one, and
// the learner moves between them (Use), exports or deletes them; the list survives a reload and
// reads in Korean. A record that cannot be read is reported and removed, the others stay.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { serve, launch, open } from './harness.mjs';
import { tid, text, waitStatus, ready, exportBytes, oneBatch, openTrain } from './training.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

const rows = (page) => page.$$(tid('kept-model'));
const waitRows = (page, n) =>
  page.waitForFunction((n) => document.querySelectorAll('[data-testid="kept-model"]').length === n, n);

/// The bytes a row's Export button downloads.
async function rowExport(page, row) {
  const [dl] = await Promise.all([page.waitForEvent('download'), row.$(tid('kept-export')).then((b) => b.click())]);
  return fs.readFileSync(await dl.path());
}

test('every run is kept on its own; Use, Export and Delete act on the row they are in', async () => {
  const { page, context, log } = await openTrain(browser, server, '/?lang=en');
  assert.equal((await rows(page)).length, 0);
  await page.waitForSelector(tid('kept-empty'));
  assert.ok(await page.isHidden(tid('compare-chart')), 'no empty axes before a run');
  // Run 1: one epoch.
  await page.fill(tid('train-epochs'), '1');
  await page.click(tid('train-start'));
  await waitStatus(page, 'done', 120000);
  await waitRows(page, 1);
  const acc = await text(page, 'train-test-acc');
  const first = await exportBytes(page);
  assert.equal(await text(page, 'kept-accuracy'), acc);
  // The comparison chart shows the evaluated run: coloured lines on white.
  await page.waitForSelector(tid('compare-chart'), { state: 'visible' });
  await page.waitForFunction(() => {
    const c = document.querySelector('[data-testid="compare-chart"]');
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let coloured = 0;
    for (let i = 0; i < d.length; i += 4) if (Math.max(d[i], d[i + 1], d[i + 2]) - Math.min(d[i], d[i + 1], d[i + 2]) > 80) coloured++;
    return coloured > 100;
  });
  // Run 2: fresh weights and one batch. It used to replace the model of run 1 without a word.
  await page.click(tid('train-reset'));
  await waitStatus(page, 'idle');
  await oneBatch(page);
  await waitRows(page, 2);
  // One batch more continues the same run, in the same entry.
  await oneBatch(page);
  await page.waitForTimeout(500);
  assert.equal((await rows(page)).length, 2);
  const second = await exportBytes(page);
  const [newest, oldest] = await rows(page);
  assert.ok(await newest.$(tid('kept-current')), 'the newest run is the one in use');
  assert.equal(await oldest.getAttribute('aria-current'), null);
  assert.ok((await rowExport(page, oldest)).equals(first), 'the earlier run is intact');
  assert.ok((await rowExport(page, newest)).equals(second));
  // Use puts run 1 back into Draw and training.
  await (await oldest.$(tid('kept-use'))).click();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="kept-model"]')[1].getAttribute('aria-current') === 'true');
  assert.match(await text(page, 'kept-message'), /Draw and training now use/);
  await waitStatus(page, 'idle');
  await page.waitForTimeout(300);
  assert.ok((await exportBytes(page)).equals(first), 'the worker has run 1 back');
  // Buttons say which model they act on.
  assert.match(await (await oldest.$(tid('kept-delete'))).getAttribute('aria-label'), /^Delete the model started /);
  // Delete run 2; after a reload run 1 is the one listed and restored.
  await (await newest.$(tid('kept-delete'))).click();
  await waitRows(page, 1);
  assert.match(await text(page, 'kept-message'), /is deleted/);
  await page.reload();
  await ready(page);
  await waitRows(page, 1);
  await page.waitForSelector(tid('model-restored'));
  assert.ok((await exportBytes(page)).equals(first));
  assert.deepEqual(log.pageErrors, []);
  await context.close();
});

test('the list reads in Korean and Use is refused during a run', async () => {
  const { page, context } = await openTrain(browser, server, '/?lang=ko');
  await oneBatch(page);
  await waitRows(page, 1);
  await page.click(tid('train-reset'));
  await waitStatus(page, 'idle');
  await oneBatch(page);
  await waitRows(page, 2);
  assert.match(await page.textContent(`${tid('compare-table')} thead`), /테스트 정확도.*에포크.*배치/s);
  await page.fill(tid('train-epochs'), '3');
  await page.click(tid('train-start'));
  await waitStatus(page, 'running');
  const [, older] = await rows(page);
  await (await older.$(tid('kept-use'))).click();
  assert.match(await text(page, 'kept-message'), /일시 정지/);
  assert.equal(await text(page, 'train-status'), 'running', 'the run goes on');
  await page.click(tid('train-pause'));
  await waitStatus(page, 'paused');
  await context.close();
});

test('a record that cannot be read is reported and removed; the others stay', async () => {
  const { page, context } = await openTrain(browser, server, '/?lang=en');
  await oneBatch(page);
  await waitRows(page, 1);
  await page.evaluate(() => new Promise((resolve, reject) => {
    const req = indexedDB.open('convlab');
    req.onsuccess = () => {
      const tx = req.result.transaction('models', 'readwrite');
      tx.objectStore('models').put({ weights: 'not bytes', facts: '{' }, 'run-broken');
      tx.oncomplete = resolve;
      tx.onerror = reject;
    };
  }));
  await page.reload();
  await ready(page);
  await page.waitForSelector(tid('train-error'));
  assert.match(await text(page, 'train-error'), /could not be read, so it was removed/);
  await waitRows(page, 1);
  const keys = await page.evaluate(() => new Promise((resolve) => {
    const req = indexedDB.open('convlab');
    req.onsuccess = () => {
      const r = req.result.transaction('models').objectStore('models').getAllKeys();
      r.onsuccess = () => resolve(r.result);
    };
  }));
  assert.equal(keys.length, 1);
  assert.ok(!keys.includes('run-broken'));
  await context.close();
});
