// The classifier head in a real browser: ReLU on its own, Flatten's index mapping, Linear's arithmetic,
// Dropout's masks and scaling, Softmax and argmax.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, open } from './harness.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });
const tid = (id) => `[data-testid="${id}"]`;
const text = async (page, id) => (await page.textContent(tid(id))).trim();

test('ReLU: max(0, x) of each value, the count of zeros, and its code, in both languages', async () => {
  const { page, context } = await open(browser, server, '/?lang=en');
  const outs = () => Promise.all([...Array(8).keys()].map((i) => text(page, `relu-out-${i}`)));
  assert.deepEqual(await outs(), ['0', '1.5', '0', '0', '3', '0', '0.25', '2']);
  assert.equal(await text(page, 'relu-zeroed'), '3 of 8 values were negative and became 0.');
  assert.match(await text(page, 'relu-code'), /nn\.ReLU\(inplace=False\)/);
  await page.fill(tid('relu-in-1'), '-4');
  await page.waitForFunction(() => document.querySelector('[data-testid="relu-out-1"]').textContent.trim() === '0');
  assert.equal(await text(page, 'relu-zeroed'), '4 of 8 values were negative and became 0.');
  await page.fill(tid('relu-in-0'), '7');
  await page.waitForFunction(() => document.querySelector('[data-testid="relu-out-0"]').textContent.trim() === '7');
  await context.close();
  const ko = await open(browser, server, '/?lang=ko');
  assert.equal(await text(ko.page, 'relu-zeroed'), '값 8개 가운데 음수였던 3개가 0이 되었습니다.');
  assert.match(await ko.page.textContent(tid('relu')), /음수는 0이 됩니다/);
  await ko.context.close();
});

test('flatten shows where (c, h, w) goes; linear computes W·x + b', async () => {
  const { page, context, log } = await open(browser, server, '/?lang=en');
  await page.hover(tid('head-flat-1-2-0'));
  assert.equal(await text(page, 'head-flat-map'), '(1, 2, 0) → 1·9 + 2·3 + 0 = 15');
  assert.ok(await page.$eval(tid('head-vec-15'), (e) => e.parentElement.classList.contains('hit')));
  await page.focus(tid('head-vec-4'));
  assert.equal(await text(page, 'head-flat-map'), '(0, 1, 1) → 0·9 + 1·3 + 1 = 4');
  // Each cell is a button named by its place and its value; a press shows its pair too.
  assert.match(await page.locator(tid('head-vec-4')).ariaSnapshot(), /^- button "\[4\] = 5"/);
  assert.match(await page.locator(tid('head-flat-1-2-0')).ariaSnapshot(), /^- button "\(1, 2, 0\) = 16"/);
  await page.locator(tid('head-flat-0-0-2')).dispatchEvent('click');
  assert.equal(await text(page, 'head-flat-map'), '(0, 0, 2) → 0·9 + 0·3 + 2 = 2');
  // One tab stop per side, on the cell shown; arrows walk the cells in flattening order.
  assert.deepEqual(await page.$$eval('[data-testid^="head-vec-"][tabindex="0"], [data-testid^="head-flat-"][tabindex="0"]', (es) => es.map((e) => e.dataset.testid)), ['head-flat-0-0-2', 'head-vec-2']);
  await page.focus(tid('head-vec-2'));
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  assert.equal(await page.evaluate(() => document.activeElement.dataset.testid), 'head-vec-4');
  assert.equal(await text(page, 'head-flat-map'), '(0, 1, 1) → 0·9 + 1·3 + 1 = 4');
  await page.focus(tid('head-flat-0-0-0'));
  await page.keyboard.press('End');
  assert.equal(await page.evaluate(() => document.activeElement.dataset.testid), 'head-flat-1-2-2');
  await page.keyboard.press('ArrowUp');
  assert.equal(await text(page, 'head-flat-map'), '(1, 2, 1) → 1·9 + 2·3 + 1 = 16');
  assert.equal(await text(page, 'head-y-0'), 'y[0] = 1×1 + (-1)×0 + 0.5×2 + 2×(-1) + 0.5 = 0.5');
  await page.fill(tid('head-x-1'), '3');
  assert.equal(await text(page, 'head-y-1'), 'y[1] = 0×1 + 2×3 + (-1)×2 + 1×(-1) + (-1) = 2');
  assert.deepEqual(log.consoleErrors, []);
  await context.close();
});

test('dropout: zeros or 1/(1−p) scaling in training, identity in evaluation', async () => {
  const { page, context } = await open(browser, server, '/?lang=en');
  const input = [1, 2, 0.5, 3, 1.5, 2.5, 1, 0.5, 2, 1];
  const read = () => Promise.all(input.map((_, i) => text(page, `head-drop-${i}`).then(Number)));
  await page.fill(tid('head-drop-p'), '0.5');
  let zeros = 0;
  for (let k = 0; k < 20; k++) {
    await page.click(tid('head-drop-new'));
    const out = await read();
    out.forEach((v, i) => assert.ok(v === 0 || Math.abs(v - input[i] * 2) < 1e-4, `cell ${i}: ${v}`));
    zeros += out.filter((v) => v === 0).length;
  }
  assert.ok(zeros > 40 && zeros < 160, `about half dropped: ${zeros} of 200`);
  const avg = Number((await text(page, 'head-drop-sums')).match(/over \d+ masks: (-?\d+(?:\.\d+)?)/)[1]);
  assert.ok(Math.abs(avg - 15) < 4, `average sum ${avg} near the input's 15`);
  await page.selectOption(tid('head-drop-mode'), 'eval');
  assert.deepEqual(await read(), input);
  await page.fill(tid('head-drop-p'), '1');
  assert.match(await text(page, 'head-drop-error'), /at least 0 and below 1/);
  await context.close();
});

test('softmax: probabilities sum to 1, keep the order of the logits, argmax follows edits', async () => {
  const { page, context } = await open(browser, server, '/?lang=en');
  const probs = () => Promise.all([...Array(10).keys()].map((d) => text(page, `head-prob-${d}`).then(Number)));
  let p = await probs();
  assert.ok(Math.abs(p.reduce((a, b) => a + b) - 1) < 1e-3);
  // It starts from the post's ten logits, and gives what the post prints: p(1) = 0.9997.
  const logits = await Promise.all([...Array(10).keys()].map((d) => page.inputValue(tid(`head-logit-${d}`)).then(Number)));
  assert.deepEqual(logits, [-7.427, 8.698, 0.407, -4.99, -4.264, -3.783, -4.286, -3.159, -2.024, -4.415]);
  assert.equal(await text(page, 'head-prob-1'), '0.9997');
  assert.match(await text(page, 'head-argmax'), /^Prediction \(argmax\): 1, with probability/);
  await page.fill(tid('head-logit-7'), '9');
  p = await probs();
  assert.match(await text(page, 'head-argmax'), /^Prediction \(argmax\): 7,/);
  const want = Math.exp(9 - 8.698);
  assert.ok(Math.abs(p[7] / p[1] - want) < 1e-2 * want, 'p7/p1 = exp(z7 − z1)');
  await context.close();
});
