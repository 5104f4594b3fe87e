// The convolution and max-pooling steppers in a real browser: random valid configurations are
// typed in, stepped to the end and every output cell is compared with values computed here;
// stepping back clears cells; impossible configurations show an error and keep the picture;
// the arrow keys step.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, open } from './harness.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

// A small seeded generator, so a failure can be replayed.
function rng(seed) {
  let s = seed >>> 0;
  return () => { s = (Math.imul(s, 1664525) + 1013904223) >>> 0; return s / 2 ** 32; };
}
const int = (r, lo, hi) => lo + Math.floor(r() * (hi - lo + 1));
const outLen = (n, k, s, p, d) => {
  const span = d * (k - 1) + 1;
  return n + 2 * p < span ? 0 : Math.floor((n + 2 * p - span) / s) + 1;
};

function conv(c) {
  const oh = outLen(c.h, c.kh, c.sh, c.p, c.d), ow = outLen(c.w, c.kw, c.sw, c.p, c.d);
  const out = [];
  for (let y = 0; y < oh; y++) for (let x = 0; x < ow; x++) {
    let acc = 0;
    for (let i = 0; i < c.kh; i++) for (let j = 0; j < c.kw; j++) {
      const iy = y * c.sh + i * c.d - c.p, ix = x * c.sw + j * c.d - c.p;
      if (iy >= 0 && iy < c.h && ix >= 0 && ix < c.w) acc += c.input[iy * c.w + ix] * c.kernel[i * c.kw + j];
    }
    out.push(acc);
  }
  return { oh, ow, out };
}

function pool(c) {
  const oh = outLen(c.h, c.k, c.s, c.p, c.d), ow = outLen(c.w, c.k, c.s, c.p, c.d);
  const out = [];
  for (let y = 0; y < oh; y++) for (let x = 0; x < ow; x++) {
    let m = -Infinity;
    for (let i = 0; i < c.k; i++) for (let j = 0; j < c.k; j++) {
      const iy = y * c.s + i * c.d - c.p, ix = x * c.s + j * c.d - c.p;
      if (iy >= 0 && iy < c.h && ix >= 0 && ix < c.w) m = Math.max(m, c.input[iy * c.w + ix]);
    }
    out.push(m);
  }
  return { oh, ow, out };
}

const tid = (id) => `[data-testid="${id}"]`;
const text = async (page, id) => (await page.textContent(tid(id))).trim();
async function setField(page, id, value) { await page.fill(tid(id), String(value)); }

async function stepToEnd(page, prefix, n) {
  for (let k = 0; k < n; k++) await page.click(tid(`${prefix}-next`));
  assert.equal(await text(page, `${prefix}-step`), `${n}/${n}`);
}

async function readOutputs(page, prefix, oh, ow) {
  return page.evaluate(({ prefix, oh, ow }) => {
    const vals = [];
    for (let r = 0; r < oh; r++) for (let c = 0; c < ow; c++) {
      vals.push(document.querySelector(`[data-testid="${prefix}-out-${r}-${c}"]`).textContent.trim());
    }
    return vals;
  }, { prefix, oh, ow });
}

const close = (got, want) => Math.abs(Number(got) - want) <= 1e-3 * Math.max(1, Math.abs(want));

test('convolution: 20 random configurations match a direct computation', async () => {
  const { page, context, log } = await open(browser, server, '/?lang=en');
  const r = rng(42);
  let done = 0;
  while (done < 20) {
    const c = { h: int(r, 1, 7), w: int(r, 1, 7), kh: int(r, 1, 4), kw: int(r, 1, 4), sh: int(r, 1, 3),
      sw: int(r, 1, 3), p: int(r, 0, 2), d: int(r, 1, 3) };
    const { oh, ow } = conv({ ...c, input: [], kernel: [] });
    if (oh < 1 || ow < 1 || oh * ow > 30) continue;
    c.input = Array.from({ length: c.h * c.w }, () => int(r, -9, 9) / (r() < 0.3 ? 2 : 1));
    c.kernel = Array.from({ length: c.kh * c.kw }, () => int(r, -3, 3));
    for (const [id, v] of [['input-h', c.h], ['input-w', c.w], ['kernel-h', c.kh], ['kernel-w', c.kw],
      ['stride-h', c.sh], ['stride-w', c.sw], ['padding', c.p], ['dilation', c.d]]) await setField(page, `conv-${id}`, v);
    assert.equal(await page.$(tid('conv-error')), null, `config ${JSON.stringify(c)} is valid`);
    for (let i = 0; i < c.h * c.w; i++) await setField(page, `conv-in-${Math.floor(i / c.w)}-${i % c.w}`, c.input[i]);
    for (let i = 0; i < c.kh * c.kw; i++) await setField(page, `conv-kernel-${Math.floor(i / c.kw)}-${i % c.kw}`, c.kernel[i]);
    const want = conv(c);
    await page.click(tid('conv-reset'));
    assert.equal(await text(page, 'conv-step'), `0/${oh * ow}`);
    assert.deepEqual(await readOutputs(page, 'conv', oh, ow), Array(oh * ow).fill(''), 'outputs start empty');
    await stepToEnd(page, 'conv', oh * ow);
    const got = await readOutputs(page, 'conv', oh, ow);
    got.forEach((g, i) => assert.ok(close(g, want.out[i]), `config ${JSON.stringify(c)} cell ${i}: ${g} vs ${want.out[i]}`));
    assert.match(await text(page, 'conv-formula'), new RegExp(`= ${got[got.length - 1].replace('-', '\\-')}$`));
    await page.click(tid('conv-prev'));
    assert.equal(await text(page, 'conv-step'), `${oh * ow - 1}/${oh * ow}`);
    const back = await readOutputs(page, 'conv', oh, ow);
    assert.equal(back[back.length - 1], '', 'the last cell clears when stepping back');
    assert.deepEqual(back.slice(0, -1), got.slice(0, -1));
    done++;
  }
  assert.deepEqual(log.consoleErrors, []);
  assert.deepEqual(log.pageErrors, []);
  await context.close();
});

test('convolution: an impossible configuration is explained and keeps the last picture', async () => {
  const { page, context } = await open(browser, server, '/?lang=en');
  await page.click(tid('conv-next'));
  const before = await readOutputs(page, 'conv', 2, 2);
  await setField(page, 'conv-kernel-h', 5);
  await setField(page, 'conv-kernel-w', 5);
  await setField(page, 'conv-dilation', 2);
  await setField(page, 'conv-padding', 1);
  assert.equal(await text(page, 'conv-error'), 'A 5×5 kernel with dilation 2 spans 9×9, but the padded input is only 5×5.');
  assert.deepEqual(await readOutputs(page, 'conv', 2, 2), before, 'the last valid picture stays');
  assert.ok(await page.isVisible(tid('conv-out-1-1')));
  await setField(page, 'conv-stride-h', 0);
  assert.match(await text(page, 'conv-error'), /stride must be at least 1/);
  await page.click(tid('lang-toggle'));
  assert.match(await text(page, 'conv-error'), /스트라이드/);
  await page.click(tid('lang-toggle'));
  await setField(page, 'conv-stride-h', 1);
  await setField(page, 'conv-dilation', 1);
  await setField(page, 'conv-padding', 2);
  assert.equal(await page.$(tid('conv-error')), null);
  assert.equal(await text(page, 'conv-step'), '0/9');
  await context.close();
});

test('convolution: arrow keys step, the counter reads k/N, and the URL carries the settings', async () => {
  const { page, context } = await open(browser, server, '/?lang=en');
  await page.focus(tid('conv-reset'));
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  assert.equal(await text(page, 'conv-step'), '2/4');
  assert.equal(await text(page, 'conv-out-0-1'), '25');
  assert.equal(await text(page, 'conv-formula'), '1×0 + 2×1 + 4×2 + 5×3 = 25');
  await page.keyboard.press('ArrowLeft');
  assert.equal(await text(page, 'conv-step'), '1/4');
  assert.equal(await text(page, 'conv-out-0-1'), '');
  await setField(page, 'conv-in-0-0', 10);
  await setField(page, 'conv-stride-w', 2);
  await page.waitForFunction(() => new URLSearchParams(location.search).get('conv')?.startsWith('3.3.2.2.1.2.'));
  await page.goto(page.url());
  await page.waitForSelector(tid('conv-in-0-0'));
  assert.equal(await page.inputValue(tid('conv-in-0-0')), '10');
  assert.equal(await page.inputValue(tid('conv-stride-w')), '2');
  assert.equal(await text(page, 'conv-step'), '0/2');
  await context.close();
});

test('max pooling: 20 random configurations match a direct computation with −∞ padding', async () => {
  const { page, context, log } = await open(browser, server, '/?lang=en');
  const r = rng(7);
  let done = 0;
  while (done < 20) {
    const k = int(r, 1, 4);
    const c = { h: int(r, 1, 7), w: int(r, 1, 7), k, s: int(r, 1, 3), p: int(r, 0, Math.floor(k / 2)), d: int(r, 1, 2) };
    const { oh, ow } = pool({ ...c, input: [] });
    if (oh < 1 || ow < 1 || oh * ow > 30) continue;
    const negative = r() < 0.4;
    c.input = Array.from({ length: c.h * c.w }, () => negative ? -int(r, 1, 9) : int(r, -9, 9));
    const want = pool(c);
    if (want.out.some((v) => v === -Infinity)) continue;
    for (const [id, v] of [['input-h', c.h], ['input-w', c.w], ['kernel', c.k], ['stride', c.s], ['padding', c.p],
      ['dilation', c.d]]) await setField(page, `pool-${id}`, v);
    assert.equal(await page.$(tid('pool-error')), null, `config ${JSON.stringify(c)} is valid`);
    for (let i = 0; i < c.h * c.w; i++) await setField(page, `pool-in-${Math.floor(i / c.w)}-${i % c.w}`, c.input[i]);
    await page.click(tid('pool-reset'));
    await stepToEnd(page, 'pool', oh * ow);
    const got = await readOutputs(page, 'pool', oh, ow);
    got.forEach((g, i) => assert.ok(close(g, want.out[i]), `config ${JSON.stringify(c)} cell ${i}: ${g} vs ${want.out[i]}`));
    await page.click(tid('pool-prev'));
    const back = await readOutputs(page, 'pool', oh, ow);
    assert.equal(back[back.length - 1], '');
    done++;
  }
  assert.deepEqual(log.consoleErrors, []);
  await context.close();
});

test('max pooling: padding shows −∞, the MNIST preset gives 14×14, bad padding is refused', async () => {
  const { page, context } = await open(browser, server, '/?lang=en');
  await page.selectOption(tid('pool-preset'), 'negative');
  await page.click(tid('pool-next'));
  assert.equal(await text(page, 'pool-out-0-0'), '-1', 'zero padding would have given 0');
  assert.match(await text(page, 'pool-formula'), /^max\(−∞, −∞, −∞, -1\) = -1$/);
  await page.selectOption(tid('pool-preset'), 'mnist');
  assert.equal(await text(page, 'pool-step'), '0/196');
  assert.ok(await page.$(tid('pool-out-13-13')));
  await setField(page, 'pool-padding', 2);
  assert.equal(await text(page, 'pool-error'),
    'Padding (2, 2) is more than half of the 2×2 pooling kernel; PyTorch allows at most (1, 1).');
  assert.ok(await page.$(tid('pool-out-13-13')), 'the last valid picture stays');
  await page.focus(tid('pool-reset'));
  await page.keyboard.press('ArrowRight');
  assert.equal(await text(page, 'pool-step'), '1/196');
  await context.close();
});

test('channels: each output cell is the sum over input channels plus its filter bias', async () => {
  const { page, context } = await open(browser, server, '/?lang=en');
  await setField(page, 'conv-ch-in', 2);
  await setField(page, 'conv-ch-out', 3);
  await page.waitForSelector(tid('conv-ch-w-2-1-2-2'));
  const read = (id) => page.textContent(tid(id)).then((t) => Number(t.trim()));
  const n = 5, k = 3, o = 3, c = 2, out = n - k + 1;
  assert.equal(await text(page, 'conv-ch-step'), `0/${o * out * out}`);
  for (let f = 0; f < o; f++) {
    const caption = await page.textContent(`[data-testid="conv-channels"] .filter:nth-of-type(${f + 1}) figcaption`);
    const bias = Number(caption.match(/bias (-?[\d.]+)/)[1]);
    for (let y = 0; y < out; y++) for (let x = 0; x < out; x++) {
      let want = bias;
      for (let ch = 0; ch < c; ch++) for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) {
        want += (await read(`conv-ch-in-${ch}-${y + i}-${x + j}`)) * (await read(`conv-ch-w-${f}-${ch}-${i}-${j}`));
      }
      await page.click(tid('conv-ch-next'));
      assert.equal(await read(`conv-ch-out-${f}-${y}-${x}`), want, `filter ${f} cell ${y},${x}`);
    }
  }
  assert.equal(await text(page, 'conv-ch-step'), `${o * out * out}/${o * out * out}`);
  await context.close();
});

test('a kernel on a real digit: feature map, ReLU and the count of negatives', async () => {
  const { page, context, log } = await open(browser, server, '/?lang=en');
  await page.waitForSelector(tid('conv-digit-negatives') + ':has-text("values were negative")');
  const count = async () => Number((await text(page, 'conv-digit-negatives')).match(/^(\d+) of \d+ values/)[1]);
  const vertical = await count();
  assert.ok(vertical > 0 && vertical < 784);
  const painted = await page.$eval(tid('conv-digit-map'), (c) => {
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let coloured = 0;
    for (let i = 0; i < d.length; i += 4) if (d[i] !== d[i + 1] || d[i + 1] !== d[i + 2]) coloured++;
    return { w: c.width, h: c.height, coloured };
  });
  assert.deepEqual([painted.w, painted.h], [28, 28]);
  assert.ok(painted.coloured > 20, 'the feature map shows signed values in colour');
  await page.selectOption(tid('conv-digit-kernel'), 'blur');
  await page.waitForFunction(() => document.querySelector('[data-testid="conv-digit-negatives"]').textContent.startsWith('0 of 784'));
  await page.selectOption(tid('conv-digit-kernel'), 'current');
  assert.ok(await page.$(tid('conv-digit-error')) === null);
  assert.equal(await count(), 0, 'the 2×2 kernel 0,1,2,3 on ink values ≥ 0 is never negative');
  assert.deepEqual(log.failed, []);
  await context.close();
});

test('max pooling: the URL carries the settings', async () => {
  const { page, context } = await open(browser, server, '/?lang=en');
  await page.selectOption(tid('pool-preset'), 'negative');
  await setField(page, 'pool-in-0-0', -0.5);
  // The address is rewritten by an effect, just after the input event.
  await page.waitForFunction(() => new URLSearchParams(location.search).get('pool')?.includes('~-0.5,'));
  await page.goto(page.url());
  await page.waitForSelector(tid('pool-in-0-0'));
  assert.equal(await page.inputValue(tid('pool-in-0-0')), '-0.5');
  assert.equal(await page.inputValue(tid('pool-padding')), '1');
  await context.close();
});

test('the steppers in Korean: same numbers, Korean labels and errors', async () => {
  const { page, context } = await open(browser, server, '/?lang=ko');
  await stepToEnd(page, 'conv', 4);
  assert.deepEqual(await readOutputs(page, 'conv', 2, 2), ['19', '25', '37', '43']);
  assert.equal(await page.getAttribute(tid('conv-in-1-2'), 'aria-label'), '입력 행 1, 열 2');
  assert.equal(await text(page, 'conv-next'), '다음 단계 ▶');
  await setField(page, 'conv-kernel-h', 4);
  assert.equal(await text(page, 'conv-error'), '4×2 커널은 4×2 영역을 덮지만, 패딩을 더한 입력은 3×3뿐입니다.');
  await setField(page, 'pool-padding', 2);
  assert.match(await text(page, 'pool-error'), /PyTorch는 최대 \(1, 1\)까지만 허용합니다/);
  await context.close();
});

test('every test id of the steppers and the summary is on the page, with what it should hold', async () => {
  // Tests outside this repository find things by these ids; the steppers now build them from a
  // prefix, so this checks each one by name.
  const { page, context } = await open(browser, server, '/?lang=en');
  const text = async (id) => (await page.textContent(`[data-testid="${id}"]`)).trim();
  for (const p of ['conv', 'pool']) {
    for (const id of [p, `${p}-preset`, `${p}-random`, `${p}-formula`, `${p}-size-h`, `${p}-size-w`, `${p}-pytorch`, `${p}-keras`]) {
      assert.ok(await page.$(`[data-testid="${id}"]`), `${id} is on the page`);
    }
    assert.match(await text(`${p}-size-h`), /^H_out = /);
    assert.match(await text(`${p}-size-w`), /^W_out = /);
    assert.match(await text(`${p}-pytorch`), p === 'conv' ? /^nn\.Conv2d\(/ : /^nn\.MaxPool2d\(/);
    assert.match(await text(`${p}-keras`), p === 'conv' ? /^Conv2D\(/ : /^MaxPool2D\(/);
    assert.match(await text(`${p}-formula`), /Next step/);
    await page.click(`[data-testid="${p}-next"]`);
    assert.match(await text(`${p}-formula`), /=/);
    // The examples menu sets the input size: "same" padding on 5×5, the MNIST pool on 26×26.
    await page.selectOption(`[data-testid="${p}-preset"]`, p === 'conv' ? 'same' : 'mnist');
    assert.equal(await page.inputValue(`[data-testid="${p}-input-h"]`), p === 'conv' ? '5' : '26');
    const cells = async () => page.$$eval(`[data-testid^="${p}-in-"]`, (cs) => cs.map((c) => c.value).join());
    const numbers = await cells();
    await page.click(`[data-testid="${p}-random"]`);
    await page.waitForFunction(([p, before]) => [...document.querySelectorAll(`[data-testid^="${p}-in-"]`)]
      .map((c) => c.value).join() !== before, [p, numbers]);
    assert.equal(await page.$(`[data-testid="${p}-error"]`), null);
    // An impossible setting: a dilated kernel wider than the padded input, a window of 0.
    await page.fill(`[data-testid="${p === 'conv' ? 'conv-dilation' : 'pool-kernel'}"]`, p === 'conv' ? '9' : '0');
    await page.waitForSelector(`[data-testid="${p}-error"]`);
  }
  assert.ok(await page.$('[data-testid="conv-ch-formula"]'));
  assert.match(await text('summary-total-params'), /^55,338$/);
  await context.close();
});
