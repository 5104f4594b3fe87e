// Your own data: the official IDX files (built here from the shipped digits, raw and gzip) come
// in through the Data panel's file input or one drop, are named by what they hold in English and
// Korean, train and test the model, stay in the browser across a reload, and go away again
// (back to the built-in digits, delete). Malformed files are each refused with a sentence that
// names the file, the set in use unchanged. Fashion-MNIST's names reach the confusion matrix,
// Draw's bars and My models; a full quota is said and the set still trains this visit.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { serve, launch, open } from './harness.mjs';
import { tid, text, waitStatus, progress, ready, oneBatch } from './training.mjs';
import { officialSet, gzip } from './idx.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

const SHIPPED_EN = 'MNIST: 8,000 training, 2,000 test images';

/// Writes files for an import; returns their paths. `files` maps a name to its bytes.
function write(files) {
  const dir = fs.mkdtempSync(`/tmp/convlab-data-${process.pid}-`);
  return Object.entries(files).map(([name, bytes]) => {
    const p = `${dir}/${name}`;
    fs.writeFileSync(p, bytes);
    return p;
  });
}

/// The four official file names, holding `set`'s files: the training images gzip'd, the test
/// labels gzip'd, the other two raw, in a shuffled order.
function official(set) {
  return write({
    't10k-labels-idx1-ubyte.gz': gzip(set.testLabels),
    'train-images-idx3-ubyte.gz': gzip(set.trainImages),
    't10k-images-idx3-ubyte': set.testImages,
    'train-labels-idx1-ubyte': set.trainLabels,
  });
}

const waitSource = (page, re) => page.waitForFunction((re) =>
  new RegExp(re).test(document.querySelector('[data-testid="data-source"]')?.textContent ?? ''), re.source, { timeout: 60000 });
const waitMessage = (page, re, timeout = 60000) => page.waitForFunction((re) =>
  new RegExp(re).test(document.querySelector('[data-testid="data-message"]')?.textContent ?? ''), re.source, { timeout });

async function importFiles(page, paths) {
  await page.locator(tid('data-import')).setInputFiles(paths);
}

/// The confusion matrix's row labels.
const rowLabels = (page) => page.$$eval(`${tid('train-confusion')} tbody th`, (ths) => ths.map((t) => t.textContent.trim()));

test('the official files train and test the model, in English and Korean, and stay across a reload', async () => {
  const { page, context, log } = await open(browser, server, '/?lang=en');
  await ready(page);
  assert.equal(await text(page, 'data-source'), SHIPPED_EN);
  await importFiles(page, official(officialSet(12000, 2000)));
  await waitSource(page, /^MNIST: 12,000 training, 2,000 test images$/);
  await waitMessage(page, /kept in this browser/);
  await page.click(tid('lang-toggle'));
  await waitSource(page, /^MNIST: 학습 이미지 12,000장, 테스트 이미지 2,000장$/);
  await page.click(tid('lang-toggle'));
  await waitSource(page, /^MNIST: 12,000/);

  // One epoch of the 12,000 in batches of 64, tested on the 2,000 held-out images.
  await page.fill(tid('train-epochs'), '1');
  await page.click(tid('train-start'));
  await waitStatus(page, 'done', 180000);
  const [value, max] = await progress(page);
  assert.equal(max, Math.ceil(12000 / 64));
  assert.equal(value, max);
  const cells = await page.$$eval('[data-testid^="train-confusion-"]', (cs) => cs.map((c) => Number(c.textContent)));
  assert.equal(cells.length, 100);
  assert.equal(cells.reduce((a, b) => a + b), 2000, 'the confusion matrix counts the 2,000 test images');
  const acc = Number(await text(page, 'train-test-acc'));
  assert.ok(acc > 80, `held-out accuracy ${acc} % after one epoch`);
  assert.ok((await page.$$(tid('train-mistake'))).length > 0);
  // My models says which set the run trained on.
  await page.waitForFunction(() => /MNIST, 12,000 training images/.test(document.querySelector('[data-testid="kept-data"]')?.textContent ?? ''));

  // A reload finds the set in this browser, names it at once, and the worker trains on it.
  await page.reload();
  await page.waitForSelector('[data-testid="lang-toggle"]');
  await waitSource(page, /^MNIST: 12,000 training, 2,000 test images$/);
  await ready(page);
  await oneBatch(page);
  assert.equal((await progress(page))[1], 5 * Math.ceil(12000 / 64), 'five epochs of the imported set');

  // Back to the built-in digits: the worker trains on them again; the choice survives a reload.
  await page.click(tid('data-builtin'));
  await waitSource(page, new RegExp(`^${SHIPPED_EN}$`));
  await waitStatus(page, 'idle');
  await oneBatch(page);
  assert.equal((await progress(page))[1], 5 * 125, 'five epochs of the 8,000');
  await page.reload();
  await ready(page);
  assert.equal(await text(page, 'data-source'), SHIPPED_EN);
  await page.waitForSelector(tid('data-use-kept'));

  // Delete: gone from the page and from the browser.
  await page.click(tid('data-delete'));
  await waitMessage(page, /deleted/);
  assert.equal(await page.$(tid('data-use-kept')), null);
  await page.reload();
  await ready(page);
  assert.equal(await text(page, 'data-source'), SHIPPED_EN);
  assert.equal(await page.$(tid('data-use-kept')), null);
  assert.equal(await page.$(tid('data-delete')), null);
  assert.deepEqual(log.pageErrors, []);
  assert.deepEqual(log.consoleErrors, []);
  await context.close();
});

test('one drop of all four files, whatever they are called, says it reads them and imports them', async () => {
  const { page, context } = await open(browser, server, '/?lang=en');
  await page.locator(tid('data')).scrollIntoViewIfNeeded();
  const set = officialSet(3000, 500);
  // Names that say nothing: the set is recognised by what the files hold.
  const paths = write({ a: gzip(set.testImages), b: set.trainLabels, c: gzip(set.trainImages), d: set.testLabels });
  // The drop's files come from a file input of the test's own, as a drag from the desktop
  // would bring them.
  await page.evaluate(() => {
    const input = document.createElement('input');
    input.type = 'file';
    input.multiple = true;
    input.id = 'test-files';
    document.body.append(input);
    window.__sawReading = false;
    new MutationObserver(() => {
      if (document.querySelector('[data-testid="data-reading"]')) window.__sawReading = true;
    }).observe(document.body, { childList: true, subtree: true });
  });
  await page.setInputFiles('#test-files', paths);
  await page.$eval(tid('data-drop'), (zone) => {
    const dt = new DataTransfer();
    for (const f of document.getElementById('test-files').files) dt.items.add(f);
    zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
    zone.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  });
  await waitSource(page, /^MNIST: 3,000 training, 500 test images$/);
  assert.ok(await page.evaluate(() => window.__sawReading), 'the page said it was reading the files');
  assert.equal(await page.$(tid('data-reading')), null, 'and stops saying it once done');
  await context.close();
});

test('malformed files are each refused with a sentence naming the file; the set in use stays', async () => {
  const { page, context } = await open(browser, server, '/?lang=en');
  await page.locator(tid('data')).scrollIntoViewIfNeeded();
  const set = officialSet(300, 100);
  const good = {
    'train-images-idx3-ubyte': set.trainImages,
    'train-labels-idx1-ubyte': set.trainLabels,
    't10k-images-idx3-ubyte': set.testImages,
    't10k-labels-idx1-ubyte': set.testLabels,
  };
  const patched = (bytes, at, value) => { const b = Buffer.from(bytes); b[at] = value; return b; };
  const oneByOne = Buffer.alloc(16 + 300);
  oneByOne.writeUInt32BE(0x803, 0); oneByOne.writeUInt32BE(300, 4); oneByOne.writeUInt32BE(1, 8); oneByOne.writeUInt32BE(1, 12);
  const fewerLabels = Buffer.from(set.trainLabels.subarray(0, set.trainLabels.length - 1));
  fewerLabels.writeUInt32BE(299, 4);
  const cases = [
    ['wrong magic', { 'train-images-idx3-ubyte': patched(set.trainImages, 3, 0x04) },
      /^"train-images-idx3-ubyte" has the magic number 2052; an images file has 2051 and a labels file 2049\. The set in use is unchanged\.$/],
    ['truncated', { 't10k-images-idx3-ubyte': set.testImages.subarray(0, 5000) },
      /^"t10k-images-idx3-ubyte" is cut short: its header promises 78,416 bytes, but it holds 5,000\./],
    ['mismatched counts', { 'train-labels-idx1-ubyte': fewerLabels },
      /^"train-images-idx3-ubyte" holds 300 images but "train-labels-idx1-ubyte" holds 299 labels; each image needs one label\./],
    ['label 10', { 't10k-labels-idx1-ubyte': patched(set.testLabels, 8 + 7, 10) },
      /^"t10k-labels-idx1-ubyte" gives image 7 the label 10; labels must be 0–9\./],
    ['1 × 1 images', { 'train-images-idx3-ubyte': oneByOne },
      /^"train-images-idx3-ubyte" holds 1×1 images; MNIST images are 28×28\./],
    ['damaged gzip', { 'train-images-idx3-ubyte.gz': patched(gzip(set.trainImages), 40, 0xff) },
      /^"train-images-idx3-ubyte\.gz" is a damaged gzip file/],
    ['a gzip bomb', { 'train-images-idx3-ubyte.gz': gzip(Buffer.alloc((64 << 20) + 1024)) },
      /^"train-images-idx3-ubyte\.gz" unpacks to more than 67,108,864 bytes/],
    ['over the cap', { 'train-images-idx3-ubyte': Buffer.alloc((64 << 20) + 1) },
      /^"train-images-idx3-ubyte" is 67,108,865 bytes, more than the 67,108,864 bytes one file may hold\./],
  ];
  for (const [what, broken, sentence] of cases) {
    const files = { ...good };
    for (const name of Object.keys(broken)) delete files[name.replace(/\.gz$/, '')];
    Object.assign(files, broken);
    await importFiles(page, write(files));
    // Each sentence differs from the one before; on a wrong one the assertion below says it.
    await waitMessage(page, sentence, 15000).catch(() => {});
    const said = await text(page, 'data-message');
    assert.match(said, sentence, what);
    assert.ok(await page.isVisible(tid('data-message')), `${what}: the sentence is on screen`);
    assert.equal(await text(page, 'data-source'), SHIPPED_EN, `${what}: the set in use stays`);
  }
  // Five files, and the Korean sentence.
  await page.click(tid('lang-toggle'));
  await importFiles(page, write({ ...good, extra: set.testLabels }));
  await page.waitForFunction(() => /파일이 5개 들어왔습니다.*지금 쓰는 데이터는 그대로입니다\.$/.test(document.querySelector('[data-testid="data-message"]')?.textContent ?? ''));
  assert.equal(await text(page, 'data-source'), 'MNIST: 학습 이미지 8,000장, 테스트 이미지 2,000장');
  await context.close();
});

test('Fashion-MNIST names every class: the confusion matrix, Draw and My models, in both languages', async () => {
  const { page, context, log } = await open(browser, server, '/?lang=en');
  await ready(page);
  await importFiles(page, official(officialSet(3000, 500)));
  await waitSource(page, /^MNIST: 3,000 training, 500 test images$/);
  await page.selectOption(tid('data-kind'), 'fashion');
  await waitSource(page, /^Fashion-MNIST: 3,000 training, 500 test images$/);
  await page.fill(tid('train-epochs'), '1');
  await page.click(tid('train-start'));
  await waitStatus(page, 'done', 120000);
  const rows = await rowLabels(page);
  assert.equal(rows.length, 10);
  assert.equal(rows[9], '9 Ankle boot');
  assert.equal(rows[0], '0 T-shirt/top');
  assert.match(await page.textContent(`${tid('train-confusion')} caption`), /true class/);
  await page.waitForFunction(() => /Fashion-MNIST, 3,000 training images/.test(document.querySelector('[data-testid="kept-data"]')?.textContent ?? ''));
  const mistake = await page.textContent(`${tid('train-mistake')} figcaption`);
  assert.match(mistake, /^said (T-shirt\/top|Trouser|Pullover|Dress|Coat|Sandal|Shirt|Sneaker|Bag|Ankle boot), is /);

  // Draw reads with the trained model: its bars are named, and it says what the model learned.
  await page.click(tid('draw-model-trained'));
  await page.locator(tid('draw-prediction')).scrollIntoViewIfNeeded();
  const bars = await page.$$eval('[data-testid="draw"] .prediction .bar-row .digit', (s) => s.map((e) => e.textContent.trim()));
  assert.equal(bars[9], 'Ankle boot');
  assert.match(await text(page, 'draw-kind-note'), /trained on Fashion-MNIST/);

  await page.click(tid('lang-toggle'));
  await page.waitForFunction(() => document.documentElement.lang === 'ko');
  assert.equal((await rowLabels(page))[9], '9 앵클부츠');
  const barsKo = await page.$$eval('[data-testid="draw"] .prediction .bar-row .digit', (s) => s.map((e) => e.textContent.trim()));
  assert.equal(barsKo[9], '앵클부츠');
  assert.match(await text(page, 'draw-kind-note'), /Fashion-MNIST 데이터로 학습했습니다/);
  assert.equal(await text(page, 'data-source'), 'Fashion-MNIST: 학습 이미지 3,000장, 테스트 이미지 500장');
  // The Korean panel's Latin words are names: the sets, the format, the sources and licences.
  // (The page-wide check of the Korean UI reads only what is rendered on screen.)
  const names = new Set(['MNIST', 'Fashion', 'IDX', 'gz', 'Yann', 'LeCun', 'CC', 'BY', 'SA', 'Zalando', 'Research',
    'GitHub', 'zalandoresearch', 'fashion', 'mnist', 'MIT']);
  const panel = await page.$eval(tid('data'), (e) => [...e.querySelectorAll('h3, p, label, option, button')].map((x) => x.textContent).join(' '));
  const latin = [...new Set(panel.match(/[A-Za-z_][A-Za-z_0-9]*/g) ?? [])].filter((w) => !names.has(w));
  assert.deepEqual(latin, [], 'no English in the Korean Data panel');

  // Something else, with the learner's names: the matrix follows each edit.
  await page.selectOption(tid('data-kind'), 'other');
  await page.fill(tid('data-class-3'), 'cat');
  await page.waitForFunction(() => [...document.querySelectorAll('[data-testid="train-confusion"] tbody th')].map((t) => t.textContent.trim())[3] === '3 cat');
  assert.equal((await rowLabels(page))[4], '4 클래스 4');
  // The kind is kept with the set.
  await page.reload();
  await waitSource(page, /^직접 가져온 데이터: 학습 이미지 3,000장/);
  assert.equal(await page.inputValue(tid('data-class-3')), 'cat');
  assert.deepEqual(log.pageErrors, []);
  await context.close();
});

test('a full quota is said, and the set still trains this visit', async () => {
  const { page, context } = await open(browser, server, '/?lang=en');
  await page.evaluate(() => {
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (...args) {
      if (this.name === 'data') throw new DOMException('full', 'QuotaExceededError');
      return put.apply(this, args);
    };
  });
  await ready(page);
  await importFiles(page, official(officialSet(1000, 200)));
  await waitSource(page, /^MNIST: 1,000 training, 200 test images$/);
  await waitMessage(page, /could not keep the set \(QuotaExceededError\)\. You can train on it now, but it will be gone when you leave the page\./);
  assert.equal(await page.getAttribute(tid('data-message'), 'role'), 'alert');
  await oneBatch(page);
  assert.equal((await progress(page))[1], 5 * Math.ceil(1000 / 64), 'the set trains');
  await page.reload();
  await ready(page);
  assert.equal(await text(page, 'data-source'), SHIPPED_EN, 'nothing was kept');
  assert.equal(await page.$(tid('data-use-kept')), null);
  await context.close();
});

test('a reload that wakes training before storage names the kept set trains on that set', async () => {
  const { page, context } = await open(browser, server, '/?lang=en');
  await importFiles(page, official(officialSet(3000, 500)));
  await waitMessage(page, /kept in this browser/);
  // From the reload on, storage's answer naming the kept set comes only once the worker is
  // up, as on a slow machine whose reload lands on the Train section.
  await context.addInitScript(() => {
    const get = IDBObjectStore.prototype.get;
    let held = false;
    IDBObjectStore.prototype.get = function (key) {
      const req = get.call(this, key);
      if (this.name !== 'data' || key !== 'choice' || held) return req;
      held = true;
      const set = Object.getOwnPropertyDescriptor(IDBRequest.prototype, 'onsuccess').set;
      Object.defineProperty(req, 'onsuccess', {
        set(f) {
          set.call(req, (ev) => {
            const later = () => (document.querySelector('[data-testid="train"]')?.dataset.ready === 'true'
              ? f(ev) : setTimeout(later, 50));
            later();
          });
        },
      });
      return req;
    };
  });
  await page.reload();
  await ready(page);
  await waitSource(page, /^MNIST: 3,000 training, 500 test images$/);
  await oneBatch(page);
  assert.equal((await progress(page))[1], 5 * Math.ceil(3000 / 64), 'five epochs of the kept set');
  await context.close();
});
