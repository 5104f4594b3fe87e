// The Explain section in a real browser: every view draws something for the built-in sample,
// the saliency follows the digit asked about, the adversarial search makes the pretrained model
// say the target with a stated ε, and the section speaks Korean.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, open } from './harness.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });
const tid = (id) => `[data-testid="${id}"]`;
const text = async (page, id) => (await page.textContent(tid(id))).trim();

/// The pixels of the canvas `sel` as one array of RGBA bytes, with its size.
async function pixels(page, sel) {
  return page.$eval(sel, (c) => ({ w: c.width, h: c.height, d: Array.from(c.getContext('2d').getImageData(0, 0, c.width, c.height).data) }));
}

/// Number of distinct colours on the canvas `sel`: a blank or one-colour canvas has one.
async function colours(page, sel) {
  const { d } = await pixels(page, sel);
  const seen = new Set();
  for (let i = 0; i < d.length; i += 4) seen.add(`${d[i]},${d[i + 1]},${d[i + 2]}`);
  return seen.size;
}

async function ready(page) {
  await page.locator(tid('explain')).scrollIntoViewIfNeeded();
  await page.waitForSelector(tid('explain-saliency'));
  // The saliency canvas has the drawing's 28×28 size once the model has answered.
  await page.waitForFunction(() => document.querySelector('[data-testid="explain-saliency"] canvas')?.width === 28);
}

test('every view draws a varied map for the built-in sample; the saliency follows the class', async () => {
  const { page, context, log } = await open(browser, server, '/?lang=en');
  await ready(page);
  assert.match(await page.textContent(`${tid('explain-class')} option[value=""]`), /predicted digit \(3\)/);
  for (const view of ['explain-saliency', 'explain-gradcam']) {
    await page.waitForFunction((v) => document.querySelector(`[data-testid="${v}"] canvas`)?.width === 28, view);
    assert.ok(await colours(page, `${tid(view)} canvas`) > 10, `${view} is not blank`);
  }
  const before3 = await pixels(page, `${tid('explain-saliency')} canvas`);
  await page.selectOption(tid('explain-class'), '5');
  await page.waitForFunction((b) => {
    const c = document.querySelector('[data-testid="explain-saliency"] canvas');
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    return d.some((v, i) => v !== b[i]);
  }, before3.d);
  assert.match(await page.textContent(`${tid('explain-saliency')} .legend`), /logit of 5/);
  await page.check(tid('explain-saliency-times-input'));
  await page.selectOption(tid('explain-class'), '');

  // Occlusion, with its settings stated and a smaller patch asked for.
  assert.equal(await page.inputValue(tid('explain-occlusion-patch')), '6');
  assert.equal(await page.inputValue(tid('explain-occlusion-stride')), '2');
  await page.fill(tid('explain-occlusion-patch'), '5');
  await page.locator(tid('explain-occlusion-patch')).press('Tab');
  await page.click(tid('explain-occlusion-run'));
  await page.waitForSelector(tid('explain-occlusion-base'));
  assert.match(await text(page, 'explain-occlusion-base'), /^Without a patch, p\(3\) = 0\.\d+|^Without a patch, p\(3\) = 1/);
  assert.ok(await colours(page, `${tid('explain-occlusion')} canvas.pixel-map[data-testid="explain-occlusion-map"]`) > 5, 'occlusion map not blank');

  // Filters: grown images and weights for the first filters of the last convolution.
  await page.click(tid('explain-filters-run'));
  await page.waitForSelector(`${tid('explain-filters')} ${tid('explain-filter-image')}`);
  const grown = await page.$$(`${tid('explain-filters')} ${tid('explain-filter-image')}`);
  assert.equal(grown.length, 8);
  assert.ok(await colours(page, `${tid('explain-filters')} ${tid('explain-filter-image')}`) > 5, 'grown image not blank');
  assert.ok(await colours(page, `${tid('explain-filters')} ${tid('explain-filter-weights')}`) > 3, 'weights not blank');
  // Under each filter, the three built-in digits that excite it most.
  assert.equal((await page.$$(`${tid('explain-filters')} ${tid('explain-filter-top')}`)).length, 24);
  assert.ok(await colours(page, `${tid('explain-filters')} ${tid('explain-filter-top')}`) > 3, 'top digit not blank');
  assert.deepEqual(log.pageErrors, []);
  assert.deepEqual(log.consoleErrors, []);
  await context.close();
});

test('the adversarial search makes the pretrained model say the target with a stated ε', async () => {
  const { page, context, log } = await open(browser, server, '/?lang=en');
  await ready(page);
  assert.equal(await text(page, 'explain-adversarial-prediction'), '');
  await page.selectOption(tid('explain-adversarial-target'), '8');
  await page.click(tid('explain-adversarial-run'));
  await page.waitForFunction(() => document.querySelector('[data-testid="explain-adversarial-prediction"]').textContent.trim() !== '');
  assert.equal(await text(page, 'explain-adversarial-prediction'), '8');
  const sizes = await text(page, 'explain-adversarial-sizes');
  const m = sizes.match(/^ε = ([\d.]+), L∞ = ([\d.]+), L2 = ([\d.]+)$/);
  assert.ok(m, sizes);
  const [eps, linf] = [Number(m[1]), Number(m[2])];
  assert.ok(eps > 0 && eps <= 0.3 && linf <= eps + 1e-4, sizes);
  for (const id of ['explain-adversarial-image', 'explain-adversarial-delta']) {
    const { w } = await pixels(page, tid(id));
    assert.equal(w, 28);
    assert.ok(await colours(page, tid(id)) > 3, `${id} not blank`);
  }
  // The Draw section still reads the unchanged drawing.
  assert.equal(await text(page, 'draw-prediction'), '3');
  assert.deepEqual(log.pageErrors, []);
  await context.close();
});

test('in Korean, the section has Korean headings and labels, and every control a name', async () => {
  const { page, context } = await open(browser, server, '/?lang=ko');
  await ready(page);
  const headings = await page.$$eval('#explain h2, #explain h3', (hs) => hs.map((h) => h.textContent.trim()));
  assert.equal(headings.length, 6);
  for (const h of headings) assert.match(h, /[가-힣]/, h);
  const names = await page.$$eval('#explain button, #explain select, #explain input', (els) => els.map((e) =>
    (e.getAttribute('aria-label') || e.closest('label')?.textContent || e.textContent).trim()));
  assert.ok(names.length >= 8);
  for (const n of names) assert.match(n, /[가-힣]/, `control named "${n}"`);
  assert.equal(await text(page, 'nav-explain'), '판단 근거');
  await context.close();
});
