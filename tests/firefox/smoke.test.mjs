// Firefox smoke test: Debian's firefox-esr, headless, driven through geckodriver by our own
// WebDriver client. The end-to-end tests cover behaviour in depth in Chromium; this checks that
// the same bundle works in a second engine: the convolution stepper, drawing with the mouse and
// with touch, two tabs sharing Your digits, and one epoch of training, whose throughput it
// prints (speed is measured by the benchmarks, not asserted here).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve } from '../e2e/harness.mjs';
import { firefox, ELEMENT } from './webdriver.mjs';

let server, ff, origin;
before(async () => {
  server = await serve();
  origin = `http://127.0.0.1:${server.address().port}`;
  ff = await firefox();
});
after(async () => { await ff?.close(); server?.close(); });

const tid = (id) => `[data-testid="${id}"]`;
const text = (id) => ff.run((sel) => document.querySelector(sel)?.textContent.trim() ?? null, tid(id));
// Problems the page reports about itself; WebDriver classic has no console log in Firefox.
const watchErrors = () => ff.run(() => {
  window.__errors = [];
  window.addEventListener('error', (e) => window.__errors.push(String(e.message)));
  window.addEventListener('unhandledrejection', (e) => window.__errors.push(String(e.reason)));
  document.addEventListener('securitypolicyviolation', (e) => window.__errors.push(`CSP ${e.violatedDirective} ${e.blockedURI}`));
});

async function open(query) {
  await ff.goto(origin + query);
  await ff.waitFor((sel) => document.querySelector(sel), { args: [tid('lang-toggle')] });
  await watchErrors();
}

test('the convolution stepper steps forward and back with the values it shows', async () => {
  await open('/?lang=en');
  const grid = await ff.run(() => {
    const num = (id) => Number(document.querySelector(`[data-testid="${id}"]`).value);
    const h = num('conv-input-h'), w = num('conv-input-w'), kh = num('conv-kernel-h'), kw = num('conv-kernel-w');
    const cells = (p, rows, cols) => Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => num(`${p}-${r}-${c}`)));
    return { h, w, kh, kw, s: [num('conv-stride-h'), num('conv-stride-w')], p: num('conv-padding'), d: num('conv-dilation'),
      input: cells('conv-in', h, w), kernel: cells('conv-kernel', kh, kw) };
  });
  const outLen = (n, k, s) => Math.floor((n + 2 * grid.p - grid.d * (k - 1) - 1) / s) + 1;
  const [oh, ow] = [outLen(grid.h, grid.kh, grid.s[0]), outLen(grid.w, grid.kw, grid.s[1])];
  const at = (y, x) => {
    let acc = 0;
    for (let i = 0; i < grid.kh; i++) for (let j = 0; j < grid.kw; j++) {
      const iy = y * grid.s[0] + i * grid.d - grid.p, ix = x * grid.s[1] + j * grid.d - grid.p;
      if (iy >= 0 && iy < grid.h && ix >= 0 && ix < grid.w) acc += grid.input[iy][ix] * grid.kernel[i][j];
    }
    return acc;
  };
  assert.ok(ow >= 2, `the default configuration has at least two outputs in a row (${oh}×${ow})`);
  assert.equal(await text('conv-step'), `0/${oh * ow}`);
  await ff.click(await ff.find(tid('conv-next')));
  await ff.click(await ff.find(tid('conv-next')));
  assert.equal(await text('conv-step'), `2/${oh * ow}`);
  assert.equal(Number(await text('conv-out-0-0')), at(0, 0));
  assert.equal(Number(await text('conv-out-0-1')), at(0, 1));
  assert.match(await text('conv-formula'), new RegExp(`= ${at(0, 1)}$`));
  await ff.click(await ff.find(tid('conv-prev')));
  assert.equal(await text('conv-step'), `1/${oh * ow}`);
  assert.equal(await text('conv-out-0-1'), '', 'stepping back clears the cell');
  assert.deepEqual(await ff.run(() => window.__errors), []);
});

/// A straight stroke down the middle of the canvas with a pointer of `type` ('mouse' or
/// 'touch'): a 1.
async function strokeOne(type) {
  const canvas = await ff.find(tid('draw-canvas'));
  const origin = { [ELEMENT]: canvas };
  await ff.run((c) => c.scrollIntoView({ block: 'center' }), origin);
  const rect = await ff.cmd('GET', `/element/${canvas}/rect`);
  // Offsets are from the element's centre, in whole CSS pixels.
  const move = (fx, fy) => ({ type: 'pointerMove', duration: 16, origin,
    x: Math.round((fx - 0.5) * rect.width), y: Math.round((fy - 0.5) * rect.height) });
  const steps = [move(0.52, 0.15), { type: 'pointerDown', button: 0 }];
  for (let i = 1; i <= 12; i++) steps.push(move(0.52 - 0.04 * (i / 12), 0.15 + 0.7 * (i / 12)));
  steps.push({ type: 'pointerUp', button: 0 });
  await ff.actions([{ type: 'pointer', id: `pen-${type}`, parameters: { pointerType: type }, actions: steps }]);
}

test('a drawing labelled in one tab joins Your digits in the other (BroadcastChannel, IndexedDB)', async () => {
  await open('/?lang=en');
  const first = await ff.window();
  const second = await ff.newTab();
  try {
    await inTwoTabs(first, second);
  } finally {
    // The later tests run in the first tab, whatever happened here.
    await ff.switchTo(second);
    await ff.cmd('DELETE', '/window');
    await ff.switchTo(first);
  }
});

async function inTwoTabs(first, second) {
  await ff.switchTo(second);
  await open('/?lang=en');
  await ff.waitFor((sel) => document.querySelector(sel)?.textContent.trim() === '0 digits', { args: [tid('mydigits-count')], timeout: 10000 });
  await ff.switchTo(first);
  await ff.waitFor((sel) => document.querySelector(sel), { args: [tid('draw-maps-0')] });
  await strokeOne('mouse');
  await ff.waitFor((sel) => document.querySelector(sel)?.textContent.trim() === '1', { args: [tid('draw-prediction')], timeout: 10000 });
  await ff.click(await ff.find(`${tid('draw-teach')} button:nth-of-type(2)`));
  await ff.waitFor((sel) => document.querySelector(sel)?.textContent.trim() === '1 digit', { args: [tid('mydigits-count')], timeout: 10000 });
  await ff.switchTo(second);
  await ff.waitFor((sel) => document.querySelector(sel)?.textContent.trim() === '1 digit', { args: [tid('mydigits-count')], timeout: 10000 })
    .catch(async () => assert.fail(`the other tab says '${await text('mydigits-count')}'`));
  assert.deepEqual(await ff.run(() => window.__errors), []);
}

const prediction = () => ff.run((sel) => document.querySelector(sel).textContent.trim(), tid('draw-prediction'));

test('drawing a 1 with the mouse and with touch is read as 1', async () => {
  await open('/?lang=en');
  await ff.waitFor((sel) => document.querySelector(sel), { args: [tid('draw-maps-0')] });
  await ff.run((sel) => {
    window.__pointers = [];
    document.querySelector(sel).addEventListener('pointerdown', (e) => window.__pointers.push(e.pointerType));
  }, tid('draw-canvas'));
  await strokeOne('mouse');
  await ff.waitFor((sel) => document.querySelector(sel)?.textContent.trim() === '1', { args: [tid('draw-prediction')], timeout: 10000 })
    .catch(async () => assert.fail(`a 1 drawn with the mouse reads as '${await prediction()}'`));
  const sum = await ff.run(() => Array.from({ length: 10 }, (_, d) => Number(document.querySelector(`[data-testid="draw-prob-${d}"]`).textContent)).reduce((a, b) => a + b));
  assert.ok(Math.abs(sum - 1) < 0.02, `probabilities sum to ${sum}`);

  await ff.click(await ff.find(tid('draw-clear')));
  await ff.waitFor((sel) => document.querySelector(sel)?.textContent.trim() === '', { args: [tid('draw-prediction')], timeout: 5000 });
  await strokeOne('touch');
  await ff.waitFor((sel) => document.querySelector(sel)?.textContent.trim() === '1', { args: [tid('draw-prediction')], timeout: 10000 })
    .catch(async () => assert.fail(`a 1 drawn by touch reads as '${await prediction()}'`));
  assert.deepEqual(await ff.run(() => window.__pointers), ['mouse', 'touch'], 'the strokes came as mouse, then touch, pointer events');
  assert.deepEqual(await ff.run(() => window.__errors), []);
});

test('one epoch trains far above chance; its throughput is printed', async () => {
  await open('/?lang=en');
  await ff.run((sel) => document.querySelector(sel).scrollIntoView(), tid('train'));
  await ff.waitFor((sel, st) => document.querySelector(sel)?.dataset.ready === 'true'
    && document.querySelector(st)?.textContent === 'idle', { args: [tid('train'), tid('train-status')], timeout: 60000 });
  const epochs = await ff.find(tid('train-epochs'));
  // Select all (Ctrl+A; \uE009 presses and releases Control) and type over it, as a person would.
  await ff.type(epochs, '\uE009a\uE0091');
  assert.equal(await ff.run((sel) => document.querySelector(sel).value, tid('train-epochs')), '1');
  await ff.click(await ff.find(tid('train-start')));
  const started = Date.now();
  await ff.waitFor((sel) => document.querySelector(sel)?.textContent === 'done', { args: [tid('train-status')], timeout: 120000, every: 250 })
    .catch(async () => assert.fail(`status ${await text('train-status')}, progress ${await ff.run((s) => document.querySelector(s).value, tid('train-progress'))}`));
  const seconds = (Date.now() - started) / 1000;
  const [acc, ips, worker] = [await text('train-test-acc'), await text('train-throughput'),
    await ff.run((sel) => document.querySelector(sel).dataset.worker, tid('train'))];
  console.log(`Firefox (${worker}): one epoch in ${seconds.toFixed(1)} s, ${ips} images/s, ${acc} % held out`);
  assert.ok(Number(acc) > 80, `held-out accuracy ${acc} % after one epoch`);
  assert.ok(Number(ips) > 0);
  assert.deepEqual(await ff.run(() => window.__errors), []);
});
