// Training any architecture: a preset chosen in the editor is the one Train trains (and says
// so), reaches 90 % in one epoch, classifies drawings, is kept with its layers in My models,
// and goes out and back in as a file that carries its architecture. A model too large for a
// tab is refused with a sentence.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, open, strokeOne } from './harness.mjs';
import { tid, text, waitStatus, exportBytes, tmp, openTrain } from './training.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

const LENET = '6@5×5 p2+pool → 16@5×5+pool → 120 → 10';

test('a LeNet-5-like preset trains above 90 %, draws, and round-trips through a file', async () => {
  const { page, context, log } = await openTrain(browser, server, '/?lang=en');
  // The editor's dropout p and the Train section's are one number.
  await page.fill(tid('arch-dropout'), '0.5');
  await page.waitForFunction(() => document.querySelector('[data-testid="train-dropout"]').value === '0.5');
  await page.fill(tid('train-dropout'), '0.3');
  await page.waitForFunction(() => document.querySelector('[data-testid="arch-dropout"]').value === '0.3');
  await page.selectOption(tid('arch-preset'), 'lenet');
  await page.waitForFunction(() => /51,902 parameters/.test(document.querySelector('[data-testid="arch-cost"]').textContent));
  assert.match(await text(page, 'arch-cost'), /multiply-adds per image.*per epoch/);
  assert.match(await text(page, 'train-model'), /LeNet-5-like.*51,902 parameters/);
  assert.ok((await text(page, 'train-model')).includes(LENET));
  assert.match(await text(page, 'arch-pytorch'), /nn\.Conv2d\(1, 6, 5, padding=2\)/);
  // The seed weights in the worker cannot go on as a LeNet: said before Start.
  await page.waitForSelector(tid('train-model-fresh'));
  await page.fill(tid('train-epochs'), '1');
  await page.click(tid('train-start'));
  // An edit during the run does not change what the run trains, nor what the page says of it.
  await waitStatus(page, 'running');
  await page.selectOption(tid('arch-preset'), 'tiny');
  assert.match(await text(page, 'train-model'), /LeNet-5-like/);
  await page.selectOption(tid('arch-preset'), 'lenet');
  await waitStatus(page, 'done', 120000);
  const acc = Number(await text(page, 'train-test-acc'));
  assert.ok(acc > 90, `LeNet-like after one epoch: ${acc} %`);
  assert.equal(await page.$(tid('train-model-fresh')), null);
  // Watching it learn shows the first convolution as it is: six 5×5 filters.
  await page.waitForFunction(() => /6 filters \(5 × 5\)/.test(document.querySelector('[data-testid="train-filters"]').getAttribute('aria-label')));
  assert.match(await page.getAttribute(tid('train-maps'), 'aria-label'), /conv1's 6 feature maps/);
  await page.waitForSelector(tid('kept-arch'));
  assert.equal(await text(page, 'kept-arch'), LENET);
  // Draw uses it: a stroke gets a prediction from the trained LeNet.
  await page.click(tid('draw-model-trained'));
  await strokeOne(page, 12);
  await page.waitForFunction(() => /^[0-9]$/.test(document.querySelector('[data-testid="draw-prediction"]').textContent.trim()));
  await page.waitForSelector(tid('draw-maps-0'));
  assert.equal(await page.$(tid('draw-model-status')), null, 'no model error');
  // Export carries the architecture; importing it into a page showing the seed model brings
  // the LeNet back into the editor.
  const file = await exportBytes(page);
  const header = JSON.parse(file.subarray(8, 8 + Number(file.readBigUInt64LE(0))).toString());
  assert.equal(JSON.parse(header.__metadata__['convlab.arch']).hidden, 120);
  assert.deepEqual(header['conv1.0.weight'].shape, [6, 1, 5, 5]);
  await page.click(tid('arch-seed'));
  assert.equal(await page.$eval(tid('arch-preset'), (s) => s.value), 'seed');
  await page.setInputFiles(tid('model-import'), tmp('lenet.safetensors', file));
  await page.waitForFunction(() => document.querySelector('[data-testid="arch-preset"]').value === 'lenet');
  await waitStatus(page, 'idle');
  await page.waitForTimeout(300);
  assert.ok((await exportBytes(page)).equals(file), 'the same weights, the same architecture');
  assert.deepEqual(log.pageErrors, []);
  await context.close();
});

test('a model too large for a tab is refused with a sentence naming its size, in both languages', async () => {
  for (const [lang, words] of [['en', /5,138,099,978 parameters; a browser tab trains at most 10,000,000/], ['ko', /파라미터는 5,138,099,978개/]]) {
    const { page, context } = await open(browser, server, `/?lang=${lang}`);
    await page.waitForSelector(tid('arch-c1-out'));
    for (const c of ['c1', 'c2']) {
      await page.fill(tid(`arch-${c}-out`), '256');
      await page.fill(tid(`arch-${c}-kernel`), '1');
      await page.fill(tid(`arch-${c}-padding`), '28');
      await page.uncheck(tid(`arch-${c}-pool`));
    }
    await page.fill(tid('arch-hidden'), '1024');
    await page.waitForSelector(tid('arch-error'));
    assert.match(await text(page, 'arch-error'), words);
    // Train still offers the last model a tab can train.
    assert.doesNotMatch(await text(page, 'train-model'), /5,138,099,978/);
    await context.close();
  }
});
