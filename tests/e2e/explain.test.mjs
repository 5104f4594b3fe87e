// The Explain section in a real browser: every view draws something for the built-in sample,
// the saliency follows the digit asked about, the heavy views show their progress and a job
// for a drawing or digit no longer shown never paints, the adversarial search makes the
// pretrained model say the target (or any other digit) with a stated ε, the section works by
// keyboard alone and by touch on a 360 px phone, and it speaks Korean.
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

/// Starts recording every text the element `id` shows (inside the Explain section), until
/// `recorded` is read.
async function record(page, id) {
  await page.evaluate((id) => {
    window.__seen ??= {};
    const seen = (window.__seen[id] = []);
    const look = () => {
      const t = document.querySelector(`[data-testid="${id}"]`)?.textContent.trim() ?? null;
      if (t !== null && seen[seen.length - 1] !== t) seen.push(t);
    };
    new MutationObserver(look).observe(document.querySelector('#explain'), { subtree: true, childList: true, characterData: true });
  }, id);
}
const recorded = (page, id) => page.evaluate((id) => window.__seen[id], id);

/// The counts of `texts` read by `pattern` (first group done, second total), checked to start
/// at 0, never go back, and keep one total.
function counts(texts, pattern) {
  const got = texts.map((t) => { const m = t.match(pattern); assert.ok(m, `progress "${t}"`); return [Number(m[1]), Number(m[2])]; });
  assert.equal(got[0][0], 0, texts.join(' | '));
  for (let i = 1; i < got.length; i++) {
    assert.ok(got[i][0] >= got[i - 1][0] && got[i][1] === got[0][1], texts.join(' | '));
  }
  return got;
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
  assert.equal(await page.$(tid('explain-occlusion-progress')), null, 'no progress once done');

  // Filters: grown images and weights for the first filters of the last convolution.
  await record(page, 'explain-filters-progress');
  await page.click(tid('explain-filters-run'));
  await page.waitForSelector(`${tid('explain-filters')} ${tid('explain-filter-image')}`);
  counts(await recorded(page, 'explain-filters-progress'), /^Growing: (\d+) of (\d+) filters done$/)
    .forEach(([, n]) => assert.equal(n, 8));
  assert.equal(await page.$(tid('explain-filters-progress')), null);
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

test('occlusion shows its progress by rows; a run for a digit no longer asked about never paints', async () => {
  const { page, context, log } = await open(browser, server, '/?lang=en');
  await ready(page);
  // A 1-pixel patch at every pixel: 784 positions, 28 to a row.
  await page.fill(tid('explain-occlusion-patch'), '1');
  await page.fill(tid('explain-occlusion-stride'), '1');
  await page.locator(tid('explain-occlusion-stride')).press('Tab');
  await record(page, 'explain-occlusion-progress');
  await page.click(tid('explain-occlusion-run'));
  await page.waitForSelector(tid('explain-occlusion-base'));
  const seen = counts(await recorded(page, 'explain-occlusion-progress'), /^Occlusion: (\d+) of (\d+) positions$/);
  for (const [k, n] of seen) assert.ok(n === 784 && k % 28 === 0 && k < 784, `${k} of ${n}`);
  assert.match(await text(page, 'explain-occlusion-base'), /p\(3\)/);

  // Asked again, then the digit changes while it runs, in one task so that the run cannot end
  // in between (its slices are later tasks; the page updates in microtasks): its progress goes
  // at once, its next slice cancels it, and with the digit back it has left nothing running.
  const states = await page.evaluate(async () => {
    const q = (id) => document.querySelector(`[data-testid="${id}"]`);
    const flush = async () => { for (let i = 0; i < 50; i++) await Promise.resolve(); };
    const choose = async (v) => {
      const s = q('explain-class');
      s.value = v;
      s.dispatchEvent(new Event('change', { bubbles: true }));
      await flush();
    };
    q('explain-occlusion-run').click();
    await flush();
    const started = q('explain-occlusion-progress')?.textContent.trim() ?? null;
    await choose('5');
    const away = q('explain-occlusion-progress')?.textContent ?? null;
    // Timers of equal delay fire in order: this one after the run's next slice.
    await new Promise((r) => setTimeout(r, 0));
    await choose('');
    return { started, away, back: q('explain-occlusion-progress')?.textContent ?? null };
  });
  assert.deepEqual(states, { started: 'Occlusion: 0 of 784 positions', away: null, back: null });
  // A run for the new digit goes through.
  await page.selectOption(tid('explain-class'), '5');
  assert.equal(await page.$(tid('explain-occlusion-base')), null);
  await page.click(tid('explain-occlusion-run'));
  await page.waitForFunction(() => /p\(5\)/.test(document.querySelector('[data-testid="explain-occlusion-base"]')?.textContent ?? ''));
  assert.deepEqual(log.pageErrors, []);
  await context.close();
});

test('"any other digit": the least ε that changes the answer, with its sizes and progress', async () => {
  const { page, context, log } = await open(browser, server, '/?lang=en');
  await ready(page);
  assert.equal(await page.textContent(`${tid('explain-adversarial-target')} option[value="any"]`), 'any other digit');
  await page.selectOption(tid('explain-adversarial-target'), 'any');
  await record(page, 'explain-adversarial-progress');
  await page.click(tid('explain-adversarial-run'));
  await page.waitForFunction(() => document.querySelector('[data-testid="explain-adversarial-prediction"]').textContent.trim() !== '');
  const now = await text(page, 'explain-adversarial-prediction');
  assert.match(now, /^[0-9]$/);
  assert.notEqual(now, '3', 'the answer changed');
  const sizes = await text(page, 'explain-adversarial-sizes');
  const m = sizes.match(/^ε = ([\d.]+), L∞ = ([\d.]+), L2 = ([\d.]+)$/);
  assert.ok(m, sizes);
  assert.ok(Number(m[1]) > 0 && Number(m[1]) <= 0.3 && Number(m[2]) <= Number(m[1]) + 1e-4 && Number(m[3]) > 0, sizes);
  counts(await recorded(page, 'explain-adversarial-progress'), /^Search: (\d+) of (\d+) values of ε tried$/)
    .forEach(([k, n]) => assert.ok(n === 9 && k < 9));
  assert.equal(await page.$(tid('explain-adversarial-progress')), null);
  // The drawing itself is untouched.
  assert.equal(await text(page, 'draw-prediction'), '3');
  assert.deepEqual(log.pageErrors, []);
  await context.close();
});

test('keyboard alone: the navigation to the section, the digit to explain, the search', async () => {
  const { page, context, log } = await open(browser, server, '/?lang=en', { viewport: { width: 1440, height: 900 } });
  await ready(page);
  await page.evaluate(() => scrollTo(0, 0));
  const focused = () => page.evaluate(() => document.activeElement?.dataset.testid ?? document.activeElement?.tagName);
  const tabTo = async (id, most) => {
    for (let i = 0; i < most && (await focused()) !== id; i++) await page.keyboard.press('Tab');
    assert.equal(await focused(), id);
  };
  await tabTo('nav-explain', 30);
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  assert.equal(await focused(), 'explain-class', 'the section starts with the digit to explain');
  // From "the predicted digit (3)" down to 5, by arrows, then Enter.
  for (let i = 0; i < 6; i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  assert.equal(await page.inputValue(tid('explain-class')), '5');
  await page.waitForFunction(() => /logit of 5/.test(document.querySelector('[data-testid="explain-saliency"] .legend')?.textContent ?? ''));
  // The search, towards 7: the target by arrows, the button by Enter.
  await tabTo('explain-adversarial-target', 15);
  await page.keyboard.press('ArrowDown');
  assert.equal(await page.inputValue(tid('explain-adversarial-target')), '9');
  for (let i = 0; i < 2; i++) await page.keyboard.press('ArrowUp');
  assert.equal(await page.inputValue(tid('explain-adversarial-target')), '7');
  await page.keyboard.press('Tab');
  assert.equal(await focused(), 'explain-adversarial-run');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('[data-testid="explain-adversarial-prediction"]').textContent.trim() !== '');
  assert.equal(await text(page, 'explain-adversarial-prediction'), '7');
  assert.deepEqual(log.pageErrors, []);
  await context.close();
});

test('touch on a 360 px phone: a digit drawn by finger changes the views, which fit the screen', async () => {
  const W = 360;
  const { page, context, log } = await open(browser, server, '/?lang=ko',
    { viewport: { width: W, height: 740 }, hasTouch: true, isMobile: true, deviceScaleFactor: 3 });
  await ready(page);
  const saliency = `${tid('explain-saliency')} canvas`;
  const gradcam = `${tid('explain-gradcam')} canvas`;
  const [sal3, cam3] = [await pixels(page, saliency), await pixels(page, gradcam)];
  // A 1, drawn by a finger: touch points through the browser's own input pipeline.
  await page.locator(tid('draw-clear')).scrollIntoViewIfNeeded();
  await page.tap(tid('draw-clear'));
  const canvas = page.locator(tid('draw-canvas'));
  // In the middle of the screen, clear of the sticky header.
  await canvas.evaluate((c) => c.scrollIntoView({ block: 'center' }));
  const b = await canvas.boundingBox();
  const cdp = await context.newCDPSession(page);
  // Timestamps 16 ms apart, and the finger resting 300 ms before it lifts, as a real one does: a
  // lift at full speed starts a fling, whose end eats the next tap.
  const t0 = Date.now() / 1000;
  const touch = (type, y, ms) => cdp.send('Input.dispatchTouchEvent', {
    type, timestamp: t0 + ms / 1000,
    touchPoints: type === 'touchEnd' ? [] : [{ x: b.x + 0.5 * b.width, y: b.y + y * b.height }],
  });
  await touch('touchStart', 0.15, 0);
  for (let i = 1; i <= 10; i++) await touch('touchMove', 0.15 + 0.07 * i, 16 * i);
  await touch('touchMove', 0.85, 460);
  await touch('touchEnd', 0.85, 476);
  await page.waitForFunction(() => document.querySelector('[data-testid="draw-prediction"]').textContent.trim() === '1');
  // The Explain section catches up once back in view.
  await page.locator(tid('explain')).scrollIntoViewIfNeeded();
  await page.waitForFunction(() => /\(1\)/.test(document.querySelector('[data-testid="explain-class"] option[value=""]').textContent));
  const differs = (sel, before) => page.waitForFunction(([sel, b]) => {
    const c = document.querySelector(sel);
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    return d.some((v, i) => v !== b[i]);
  }, [sel, before.d]);
  await differs(saliency, sal3);
  await differs(gradcam, cam3);
  // Tapped (in the middle of the screen, clear of the sticky header), the heavy views run too.
  const middle = (id) => page.locator(tid(id)).evaluate((el) => el.scrollIntoView({ block: 'center' }));
  await middle('explain-occlusion-run');
  await page.tap(tid('explain-occlusion-run'));

  await page.waitForFunction(() => /p\(1\)/.test(document.querySelector('[data-testid="explain-occlusion-base"]')?.textContent ?? ''));
  await middle('explain-adversarial-run');
  await page.tap(tid('explain-adversarial-run'));
  await page.waitForFunction(() => document.querySelector('[data-testid="explain-adversarial-prediction"]').textContent.trim() !== '');
  // Nothing of the section reaches past the screen, and the page does not scroll sideways.
  const wide = await page.evaluate((W) => ({
    doc: document.documentElement.scrollWidth,
    w: innerWidth,
    out: [...document.querySelectorAll('#explain, #explain *')]
      .filter((el) => !el.classList.contains('sr-only') && el.getBoundingClientRect().right > W + 1)
      .slice(0, 8).map((el) => `${el.dataset.testid ?? el.className ?? el.tagName} ${el.getBoundingClientRect().right.toFixed(1)}`),
  }), W);
  assert.deepEqual(wide, { doc: W, w: W, out: [] });
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
