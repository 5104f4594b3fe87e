// Your handwriting, in a real browser: drawings labelled with `draw-teach` join Your digits
// (`mydigits`), stay across a reload, can be deleted (by pointer and by keyboard) and exported
// as IDX files; a full quota is said and changes nothing; and teaching the model Draw uses its
// own digits (deliberately, horizontal bars labelled 3) makes Draw read them as taught, with the
// held-back digits read before and after.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import zlib from 'node:zlib';
import { serve, launch, open } from './harness.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });
const tid = (id) => `[data-testid="${id}"]`;
const text = async (page, id) => (await page.textContent(tid(id))).trim();
const label = (d) => `${tid('draw-teach')} button:nth-of-type(${d + 1})`;
const waitText = (page, id, want, timeout = 10000) => page.waitForFunction(([id, want]) =>
  document.querySelector(`[data-testid="${id}"]`)?.textContent.trim() === want, [id, want], { timeout })
  .catch(async () => assert.fail(`${id}: wanted «${want}», got «${await page.textContent(tid(id)).catch(() => null)}»`));

// Strokes as points in [0, 1]² of the canvas.
const SEVEN = [[[0.25, 0.18], [0.75, 0.18], [0.58, 0.5], [0.45, 0.85]]];
const ONE = [[[0.52, 0.15], [0.5, 0.5], [0.48, 0.85]]];
/// A horizontal bar, a little different each time: a shape no MNIST digit has.
const bar = (k) => [[[0.15 + 0.02 * (k % 4), 0.42 + 0.03 * (k % 5)], [0.82 - 0.02 * (k % 3), 0.45 + 0.03 * (k % 5) + 0.01 * ((k % 3) - 1)]]];

async function ready(page) {
  await page.waitForSelector(tid('draw-maps-0'));
  await page.locator(tid('draw-canvas')).scrollIntoViewIfNeeded();
}

/// Draws strokes on the canvas with the mouse and waits for the prediction.
async function draw(page, strokes) {
  await page.click(tid('draw-clear'));
  // In the middle of the window, clear of the sticky header.
  await page.$eval(tid('draw-canvas'), (c) => c.scrollIntoView({ block: 'center' }));
  const b = await page.locator(tid('draw-canvas')).boundingBox();
  const at = ([x, y]) => [b.x + x * b.width, b.y + y * b.height];
  for (const stroke of strokes) {
    await page.mouse.move(...at(stroke[0]));
    await page.mouse.down();
    for (const p of stroke.slice(1)) await page.mouse.move(...at(p), { steps: 6 });
    await page.mouse.up();
  }
  await page.waitForFunction(() => document.querySelector('[data-testid="draw-prediction"]').textContent.trim() !== '', null, { timeout: 5000 })
    .catch(async () => {
      await page.screenshot({ path: '/tmp/teach-draw-failed.png' });
      assert.fail(`no prediction after drawing; canvas at ${JSON.stringify(b)}`);
    });
}

/// The ink of a 28×28 canvas (drawn dark on white) as bytes 0–255.
const ink = (page, selector) => page.$eval(selector, (c) => {
  const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
  const out = [];
  for (let i = 0; i < d.length; i += 4) out.push(255 - d[i]);
  return { w: c.width, h: c.height, ink: out };
});

/// Draws, labels `d`, and waits for Your digits to count `n`.
async function drawAndLabel(page, strokes, d, n) {
  await draw(page, strokes);
  await page.click(label(d));
  await waitText(page, 'mydigits-count', n === 1 ? '1 digit' : `${n} digits`);
}

const labels = (page) => page.$$eval(tid('mydigits-item'), (li) => li.map((e) => Number(e.dataset.label)));

/// The bytes a button downloads.
async function downloaded(page, id) {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click(tid(id))]);
  return { name: dl.suggestedFilename(), bytes: fs.readFileSync(await dl.path()) };
}

test('a labelled drawing joins Your digits as its 28×28 input, stays after a reload, is deleted, and exports as IDX files', async () => {
  const { page, context, log } = await open(browser, server, '/?lang=en');
  await ready(page);
  assert.equal(await text(page, 'mydigits-count'), '0 digits');
  assert.equal(await page.$$eval(`${tid('draw-teach')} button`, (b) => b.map((e) => e.getAttribute('aria-label'))).then((a) => a[7]), 'Label this drawing 7');
  // The built-in sample cannot be labelled: nothing is kept, and the page says why. (The buttons
  // are aria-disabled, not disabled, so keyboard focus stays on them: a press still arrives.)
  await page.click(label(3), { force: true });
  await page.waitForSelector(tid('draw-teach-news'));
  assert.match(await text(page, 'draw-teach-news'), /sample from MNIST cannot/);
  assert.equal(await text(page, 'mydigits-count'), '0 digits');
  // A 7: what is kept is the preview the model reads.
  await draw(page, SEVEN);
  const preview = await ink(page, tid('draw-preview'));
  await page.click(label(7));
  await waitText(page, 'mydigits-count', '1 digit');
  assert.match(await text(page, 'draw-teach-news'), /Kept in Your digits, labelled 7 \(1 in all\)/);
  // Stored, the canvas is cleared for the next one.
  await waitText(page, 'draw-prediction', '');
  const thumb = await ink(page, `${tid('mydigits-item')} canvas`);
  assert.equal(thumb.w, 28);
  assert.equal(thumb.ink.length, preview.ink.length);
  const diff = Math.max(...thumb.ink.map((v, i) => Math.abs(v - preview.ink[i])));
  assert.ok(diff <= 1, `thumbnail = preview, up to rounding: ${diff}`);
  assert.ok(thumb.ink.filter((v) => v > 128).length > 30, 'the thumbnail shows ink');
  assert.equal(await page.getAttribute(`${tid('mydigits-item')} canvas`, 'aria-label'), 'Digit 1, labelled 7');
  await drawAndLabel(page, ONE, 1, 2);
  assert.deepEqual(await labels(page), [7, 1]);
  // Kept in the browser: a reload brings both back, in order.
  await page.reload();
  await page.waitForSelector(tid('lang-toggle'));
  await waitText(page, 'mydigits-count', '2 digits');
  assert.deepEqual(await labels(page), [7, 1]);
  // Export: two gzip IDX files, images (magic 2051) and labels (magic 2049), two of each.
  const images = await downloaded(page, 'mydigits-export-images');
  const lbls = await downloaded(page, 'mydigits-export-labels');
  assert.equal(images.name, 'mydigits-images-idx3-ubyte.gz');
  assert.equal(lbls.name, 'mydigits-labels-idx1-ubyte.gz');
  const img = zlib.gunzipSync(images.bytes);
  assert.deepEqual([img.readUInt32BE(0), img.readUInt32BE(4), img.readUInt32BE(8), img.readUInt32BE(12)], [2051, 2, 28, 28]);
  assert.equal(img.length, 16 + 2 * 784);
  // The first image is the thumbnail's bytes.
  assert.ok([...img.subarray(16, 16 + 784)].every((v, i) => Math.abs(v - thumb.ink[i]) <= 1));
  const lab = zlib.gunzipSync(lbls.bytes);
  assert.deepEqual([lab.readUInt32BE(0), lab.readUInt32BE(4), ...lab.subarray(8)], [2049, 2, 7, 1]);
  // Delete the 7 with the pointer: gone, and still gone after a reload.
  await page.click(`${tid('mydigits-item')}[data-label="7"] ${tid('mydigits-delete')}`);
  await waitText(page, 'mydigits-count', '1 digit');
  assert.match(await text(page, 'mydigits-news'), /Deleted digit 1, labelled 7/);
  await page.reload();
  await page.waitForSelector(tid('lang-toggle'));
  await waitText(page, 'mydigits-count', '1 digit');
  assert.deepEqual(await labels(page), [1]);
  assert.deepEqual(log.consoleErrors, []);
  assert.deepEqual(log.pageErrors, []);
  await context.close();
});

test('the keyboard labels a drawing and deletes a digit', async () => {
  const { page, context } = await open(browser, server, '/?lang=en');
  await ready(page);
  await page.focus(tid('draw-canvas'));
  for (let i = 0; i < 9; i++) await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Space');
  for (let i = 0; i < 18; i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Space');
  await waitText(page, 'draw-prediction', '1');
  /// Presses Tab until the focused element matches `test` (in the page), at most 60 times.
  const tabTo = async (fn, arg) => {
    for (let i = 0; i < 60; i++) {
      await page.keyboard.press('Tab');
      if (await page.evaluate(fn, arg)) return;
    }
    assert.fail('never reached by Tab');
  };
  await tabTo((name) => document.activeElement?.getAttribute('aria-label') === name, 'Label this drawing 1');
  await page.keyboard.press('Enter');
  await waitText(page, 'mydigits-count', '1 digit');
  assert.deepEqual(await labels(page), [1]);
  await tabTo(() => document.activeElement?.dataset.testid === 'mydigits-delete');
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('aria-label')), 'Delete digit 1, labelled 1');
  await page.keyboard.press('Enter');
  await waitText(page, 'mydigits-count', '0 digits');
  // Focus lands on the panel's heading, not lost on the page.
  await page.waitForFunction(() => document.activeElement?.tagName === 'H3');
  await context.close();
});

test('a tap labels a drawn digit, in Korean', async () => {
  const { page, context } = await open(browser, server, '/?lang=ko', { hasTouch: true });
  await ready(page);
  await page.$eval(tid('draw-canvas'), (c) => {
    const r = c.getBoundingClientRect();
    const ev = (type, x, y) => c.dispatchEvent(new PointerEvent(type, {
      pointerType: 'touch', pointerId: 7, isPrimary: true, button: 0, buttons: 1, bubbles: true, cancelable: true,
      clientX: r.left + x * r.width, clientY: r.top + y * r.height,
    }));
    ev('pointerdown', 0.5, 0.15);
    for (let i = 1; i <= 10; i++) ev('pointermove', 0.5, 0.15 + 0.07 * i);
    ev('pointerup', 0.5, 0.85);
  });
  await waitText(page, 'draw-prediction', '1');
  assert.equal(await page.getAttribute(label(1), 'aria-label'), '이 그림에 레이블 1 붙이기');
  await page.tap(label(1));
  await waitText(page, 'mydigits-count', '손글씨 1장');
  assert.equal(await text(page, 'draw-teach-news'), '레이블 1을 붙여 ‘내 손글씨’에 저장했습니다(모두 1장).');
  assert.match(await text(page, 'mydigits-finetune-why'), /4장 더/);
  await context.close();
});

test('a full quota is said, and the drawing and Your digits stay as they were', async () => {
  const { page, context } = await open(browser, server, '/?lang=en');
  await page.addInitScript(() => {
    IDBObjectStore.prototype.put = function () { throw new DOMException('full', 'QuotaExceededError'); };
  });
  await page.reload();
  await ready(page);
  await draw(page, SEVEN);
  await page.click(label(7));
  await page.waitForSelector(tid('draw-teach-error'));
  assert.match(await text(page, 'draw-teach-error'), /not kept.*QuotaExceededError.*unchanged/);
  assert.equal(await text(page, 'mydigits-count'), '0 digits');
  assert.equal(await text(page, 'draw-prediction'), '7', 'the drawing is still on the canvas');
  await context.close();
});

test('teaching the model bars labelled 3 makes Draw read a bar as 3; the held-back bars are read before and after', async () => {
  const { page, context, log } = await open(browser, server, '/?lang=en');
  await ready(page);
  assert.equal(await text(page, 'mydigits-mix'), '40 steps of 64 images: 16 of yours, 48 from the training set.');
  // What the shipped model makes of a bar: not a 3.
  await draw(page, bar(0));
  const first = await text(page, 'draw-prediction');
  assert.notEqual(first, '3');
  for (let k = 0; k < 4; k++) await drawAndLabel(page, bar(k), 3, k + 1);
  // Four to learn from, none held back yet: one more is needed, and the button says so.
  assert.equal(await page.isDisabled(tid('mydigits-finetune')), true);
  assert.match(await text(page, 'mydigits-finetune-why'), /^Label 1 more to teach/);
  assert.match(await text(page, 'mydigits-check'), /None held back yet/);
  for (let k = 4; k < 10; k++) await drawAndLabel(page, bar(k), 3, k + 1);
  // The 5th and 10th are held back.
  assert.deepEqual(await page.$$eval(`${tid('mydigits-item')}[data-held="true"]`, (li) => li.map((e) => Number(e.dataset.seq))), [5, 10]);
  assert.equal(await text(page, 'mydigits-held'), '2 held back for checking');
  assert.equal(await page.isDisabled(tid('mydigits-finetune')), false);
  const check = await text(page, 'mydigits-check');
  assert.match(check, /^Held back: the model Draw uses reads [01] of 2 right\.$/);
  const t0 = Date.now();
  await page.click(tid('mydigits-finetune'));
  // Draw showed the shipped model: the worker gets it, is taught, and Draw reads with the
  // result.
  await page.waitForFunction(() => / after\.$/.test(document.querySelector('[data-testid="mydigits-report"]').textContent), null, { timeout: 180000 })
    .catch(async () => assert.fail(`no after: ${await text(page, 'mydigits-report')} / ${await text(page, 'train-status')}`));
  console.log(`teaching took ${Date.now() - t0} ms from the press (worker start and its digits included)`);
  const report = await text(page, 'mydigits-report');
  const m = report.match(/^Held back: (\d) of 2 read right before teaching, (\d) of 2 after\.$/);
  assert.ok(m, report);
  assert.equal(m[1], check.match(/reads (\d)/)[1], 'before is what the page read before');
  assert.equal(m[2], '2', report);
  assert.equal(await page.isChecked(tid('draw-model-trained')), true, 'Draw reads with the taught model');
  await waitText(page, 'train-status', 'done', 30000);
  // A new bar, drawn after teaching, is read as taught.
  await draw(page, bar(11));
  await waitText(page, 'draw-prediction', '3');
  assert.match(await text(page, 'mydigits-check'), /reads 2 of 2 right/);
  // The taught model is kept in My models, and the drawing of a real 7 still reads 7.
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="compare-table"] tbody tr').length >= 1);
  await draw(page, SEVEN);
  await waitText(page, 'draw-prediction', '7');
  assert.deepEqual(log.pageErrors, []);
  assert.deepEqual(log.consoleErrors, []);
  await context.close();
});

test('two tabs show the same Your digits: a digit labelled in one appears in the other, and a deletion leaves both', async () => {
  const { page: a, context, origin, log } = await open(browser, server, '/?lang=en');
  const b = await context.newPage();
  await b.goto(origin + '/?lang=en');
  await ready(a);
  await ready(b);
  await waitText(b, 'mydigits-count', '0 digits');
  await drawAndLabel(a, SEVEN, 7, 1);
  await waitText(b, 'mydigits-count', '1 digit');
  assert.deepEqual(await labels(b), [7]);
  // A digit labelled in the other tab joins, and a deletion there leaves this tab too.
  await drawAndLabel(b, ONE, 1, 2);
  await waitText(a, 'mydigits-count', '2 digits');
  assert.deepEqual(await labels(a), [7, 1]);
  await b.click(`${tid('mydigits-item')}[data-label="7"] ${tid('mydigits-delete')}`);
  await waitText(b, 'mydigits-count', '1 digit');
  await waitText(a, 'mydigits-count', '1 digit');
  assert.deepEqual(await labels(a), [1]);
  assert.deepEqual(await labels(b), [1]);
  assert.deepEqual(log.pageErrors, []);
  assert.deepEqual(log.consoleErrors, []);
  await context.close();
});
