// Drawing digits in a real browser: strokes made of line segments go through the pointer
// events of `draw-canvas`, and the test checks the 28×28 preview, the live prediction, the
// probabilities, the feature maps, undo and clear.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, open } from './harness.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });
const tid = (id) => `[data-testid="${id}"]`;
const text = async (page, id) => (await page.textContent(tid(id))).trim();

// Digits as strokes of points in [0, 1]² of the canvas.
const ellipse = (cx, cy, rx, ry, n = 24) =>
  Array.from({ length: n + 1 }, (_, i) => [cx + rx * Math.sin((2 * Math.PI * i) / n), cy - ry * Math.cos((2 * Math.PI * i) / n)]);
const DIGITS = {
  0: [ellipse(0.5, 0.5, 0.2, 0.32)],
  1: [[[0.52, 0.15], [0.5, 0.5], [0.48, 0.85]]],
  4: [[[0.55, 0.15], [0.25, 0.6], [0.75, 0.6]], [[0.6, 0.35], [0.6, 0.88]]],
  7: [[[0.25, 0.18], [0.75, 0.18], [0.58, 0.5], [0.45, 0.85]]],
};

async function box(page) {
  return page.locator(tid('draw-canvas')).boundingBox();
}

/// Draws strokes with the mouse; `region` maps [0,1]² into part of the canvas.
async function draw(page, strokes, region = { x: 0, y: 0, s: 1 }) {
  const b = await box(page);
  const at = ([x, y]) => [b.x + (region.x + x * region.s) * b.width, b.y + (region.y + y * region.s) * b.height];
  for (const stroke of strokes) {
    await page.mouse.move(...at(stroke[0]));
    await page.mouse.down();
    for (const p of stroke.slice(1)) await page.mouse.move(...at(p), { steps: 6 });
    await page.mouse.up();
  }
}

async function ready(page) {
  await page.waitForSelector(tid('draw-maps-0'));
  await page.locator(tid('draw-canvas')).scrollIntoViewIfNeeded();
}

/// The preview's pixels as ink in [0, 1] (the canvas shows ink dark on white).
async function preview(page) {
  return page.$eval(tid('draw-preview'), (c) => {
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    const ink = [];
    for (let i = 0; i < d.length; i += 4) ink.push(1 - d[i] / 255);
    return { w: c.width, h: c.height, ink };
  });
}

function centreOfMass({ w, ink }) {
  let m = 0, sx = 0, sy = 0;
  ink.forEach((v, i) => { m += v; sx += v * ((i % w) + 0.5); sy += v * (Math.floor(i / w) + 0.5); });
  return { m, x: sx / m, y: sy / m };
}

async function probs(page) {
  return Promise.all([...Array(10).keys()].map((d) => text(page, `draw-prob-${d}`)));
}

test('the canvas starts with a held-out sample, classified; cleared, it shows no prediction and no error', async () => {
  const { page, context, log } = await open(browser, server, '/?lang=en');
  await ready(page);
  await page.waitForFunction(() => document.querySelector('[data-testid="draw-prediction"]').textContent.trim() !== '');
  assert.equal(await text(page, 'draw-prediction'), '3');
  assert.match(await text(page, 'draw-sample-note'), /handwritten 3/);
  const sample = await preview(page);
  const c = centreOfMass(sample);
  assert.ok(Math.abs(c.x - 14) <= 1 && Math.abs(c.y - 14) <= 1, `sample centred: (${c.x}, ${c.y})`);
  // Another sample is another held-out digit, read right too.
  await page.click(tid('draw-sample'));
  await page.waitForFunction(() => document.querySelector('[data-testid="draw-prediction"]').textContent.trim() === '4');
  await page.click(tid('draw-clear'));
  await page.waitForFunction(() => document.querySelector('[data-testid="draw-prediction"]').textContent.trim() === '');
  assert.equal(await page.$(tid('draw-sample-note')), null);
  assert.deepEqual(await probs(page), Array(10).fill(''));
  assert.equal(await page.$(tid('draw-model-status')), null, 'no loading or error message once the model is in');
  const p = await preview(page);
  assert.equal(p.w, 28);
  assert.ok(p.ink.every((v) => v === 0));
  assert.equal(await page.$eval(tid('draw-canvas'), (c) => getComputedStyle(c).touchAction), 'none');
  assert.deepEqual(log.consoleErrors, []);
  assert.deepEqual(log.pageErrors, []);
  await context.close();
});

test('clear drawings are classified right, live, with probabilities that sum to 1', async () => {
  const { page, context, log } = await open(browser, server, '/?lang=en');
  await ready(page);
  for (const [digit, strokes] of Object.entries(DIGITS)) {
    await page.click(tid('draw-clear'));
    await draw(page, strokes);
    await page.waitForFunction((d) => document.querySelector('[data-testid="draw-prediction"]').textContent.trim() === d, digit, { timeout: 5000 })
      .catch(async () => assert.fail(`drew ${digit}, the model says ${await text(page, 'draw-prediction')}: ${await probs(page)}`));
    const p = (await probs(page)).map(Number);
    assert.ok(Math.abs(p.reduce((a, b) => a + b) - 1) < 2e-3, `sum ${p}`);
    assert.equal(p.indexOf(Math.max(...p)), Number(digit));
  }
  assert.deepEqual(log.consoleErrors, []);
  await context.close();
});

test('the prediction follows the pen before it lifts', async () => {
  const { page, context } = await open(browser, server, '/?lang=en');
  await ready(page);
  const b = await box(page);
  await page.mouse.move(b.x + 0.5 * b.width, b.y + 0.15 * b.height);
  await page.mouse.down();
  await page.mouse.move(b.x + 0.5 * b.width, b.y + 0.85 * b.height, { steps: 10 });
  await page.waitForFunction(() => document.querySelector('[data-testid="draw-prediction"]').textContent.trim() !== '');
  assert.match(await text(page, 'draw-prediction'), /^[0-9]$/);
  await page.mouse.up();
  await context.close();
});

test('a small digit drawn in a corner is scaled and centred in the preview', async () => {
  const { page, context } = await open(browser, server, '/?lang=en');
  await ready(page);
  await draw(page, DIGITS[7], { x: 0.02, y: 0.02, s: 0.4 });
  await page.waitForFunction(() => document.querySelector('[data-testid="draw-prediction"]').textContent.trim() !== '');
  const p = await preview(page);
  const c = centreOfMass(p);
  assert.ok(Math.abs(c.x - 14) <= 1 && Math.abs(c.y - 14) <= 1, `centre of mass (${c.x}, ${c.y})`);
  // The longer side fills the 20-pixel box: ink spans 19 to 21 rows.
  const rows = [...Array(28).keys()].filter((y) => p.ink.slice(y * 28, y * 28 + 28).some((v) => v > 0.05));
  assert.ok(rows.length >= 19 && rows.length <= 21, `ink rows ${rows.length}`);
  assert.equal(await text(page, 'draw-prediction'), '7');
  await context.close();
});

test('undo removes the last stroke; clear empties everything', async () => {
  const { page, context } = await open(browser, server, '/?lang=en');
  await ready(page);
  await draw(page, DIGITS[4]);
  await page.waitForFunction(() => document.querySelector('[data-testid="draw-prediction"]').textContent.trim() === '4');
  const before = centreOfMass(await preview(page));
  await page.click(tid('draw-undo'));
  await page.waitForFunction((m) => {
    const c = document.querySelector('[data-testid="draw-preview"]');
    const d = c.getContext('2d').getImageData(0, 0, 28, 28).data;
    let s = 0; for (let i = 0; i < d.length; i += 4) s += 1 - d[i] / 255;
    return Math.abs(s - m) > 1;
  }, before.m);
  assert.notEqual(await text(page, 'draw-prediction'), '');
  await page.click(tid('draw-clear'));
  await page.waitForFunction(() => document.querySelector('[data-testid="draw-prediction"]').textContent.trim() === '');
  assert.deepEqual(await probs(page), Array(10).fill(''));
  assert.ok((await preview(page)).ink.every((v) => v === 0));
  assert.equal(await page.$eval(tid('draw-undo'), (b) => b.disabled), true);
  await context.close();
});

/// The ink the Draw canvas shows at points of [0, 1]² (its bitmap is dark ink on white).
async function canvasInk(page, points) {
  return page.$eval(tid('draw-canvas'), (c, points) => {
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    return points.map(([x, y]) => 1 - d[(Math.floor(y * c.height) * c.width + Math.floor(x * c.width)) * 4] / 255);
  }, points);
}

test('a drawing made in the overview reaches the Draw section when it comes into view; the canvas shows every stroke', async () => {
  const { page, context, log } = await open(browser, server, '/?lang=en', { viewport: { width: 1440, height: 900 } });
  await page.waitForFunction(() => document.querySelector('[data-testid="overview-prediction"]').textContent.trim() !== '');
  const pixels = () => page.$eval(tid('draw-canvas'), (c) => Array.from(c.getContext('2d').getImageData(0, 0, c.width, c.height).data).join());
  const atLoad = await pixels();
  const cropAtLoad = await page.textContent(`${tid('draw-step-crop')} + figcaption`);
  // A 1 in the overview's pad, with the Draw section far below.
  await page.click(tid('overview-clear'));
  const b = await page.locator(tid('overview-canvas')).boundingBox();
  await page.mouse.move(b.x + 0.5 * b.width, b.y + 0.15 * b.height);
  await page.mouse.down();
  await page.mouse.move(b.x + 0.5 * b.width, b.y + 0.85 * b.height, { steps: 12 });
  await page.mouse.up();
  await page.waitForFunction(() => document.querySelector('[data-testid="overview-prediction"]').textContent.trim() === '1');
  // Nothing down there was repainted for it while out of view...
  assert.equal(await pixels(), atLoad);
  assert.equal(await page.textContent(`${tid('draw-step-crop')} + figcaption`), cropAtLoad);
  // ...and all of it is there once it is in view: the canvas, the steps, the prediction.
  await ready(page);
  await page.waitForFunction((was) => document.querySelector('[data-testid="draw-step-crop"] + figcaption').textContent !== was, cropAtLoad);
  assert.equal(await text(page, 'draw-prediction'), '1');
  assert.deepEqual(await page.$eval(tid('draw-preview'), (c) => c.toDataURL()), await page.$eval(tid('overview-input'), (c) => c.toDataURL()));
  // The ink box of a vertical stroke is tall and narrow.
  const [w, h] = (await page.textContent(`${tid('draw-step-crop')} + figcaption`)).match(/(\d+) × (\d+)/).slice(1).map(Number);
  assert.ok(h > 150 && w < 60, `${w} × ${h}`);
  assert.deepEqual((await canvasInk(page, [[0.5, 0.5], [0.5, 0.2], [0.2, 0.5]])).map((v) => v > 0.9), [true, true, false]);
  // A stroke across it on this canvas: both strokes shown, the rest of the canvas still white;
  // undoing it takes away only that one.
  await draw(page, [[[0.15, 0.5], [0.85, 0.5]]]);
  const points = [[0.2, 0.5], [0.8, 0.5], [0.5, 0.2], [0.5, 0.8], [0.2, 0.2], [0.8, 0.8]];
  await page.waitForFunction(() => {
    const c = document.querySelector('[data-testid="draw-canvas"]');
    return c.getContext('2d').getImageData(Math.floor(0.8 * c.width), Math.floor(0.5 * c.height), 1, 1).data[0] < 25;
  });
  assert.deepEqual((await canvasInk(page, points)).map((v) => v > 0.9), [true, true, true, true, false, false]);
  await page.click(tid('draw-undo'));
  await page.waitForFunction(() => document.querySelector('[data-testid="draw-prediction"]').textContent.trim() === '1');
  assert.deepEqual((await canvasInk(page, points)).map((v) => v > 0.9), [false, false, true, true, false, false]);
  assert.ok((await canvasInk(page, [[0.05, 0.05], [0.95, 0.95]])).every((v) => v === 0));
  assert.deepEqual(log.pageErrors, []);
  await context.close();
});

test('maps of a layer below the window wait for it, then show the drawing as it is', async () => {
  const { page, context, log } = await open(browser, server, '/?lang=en', { viewport: { width: 1440, height: 900 } });
  await ready(page);
  await page.$eval(tid('draw-canvas'), (c) => scrollBy(0, c.getBoundingClientRect().top - 80));
  const last = page.locator('canvas.maps').last();
  const url = () => last.evaluate((c) => c.toDataURL());
  assert.ok(await last.evaluate((c) => c.getBoundingClientRect().top > innerHeight + 100), 'the logits are below the window');
  const atLoad = await url();
  await draw(page, DIGITS[7]);
  await page.waitForFunction(() => document.querySelector('[data-testid="draw-prediction"]').textContent.trim() === '7');
  assert.equal(await url(), atLoad);
  // In view, the logits' picture catches up with the drawing: the brightest unit is the 7.
  await last.scrollIntoViewIfNeeded();
  await page.waitForFunction((was) => document.querySelectorAll('canvas.maps')[document.querySelectorAll('canvas.maps').length - 1].toDataURL() !== was, atLoad);
  const brightest = await last.evaluate((c) => {
    const d = c.getContext('2d').getImageData(0, 0, c.width, 1).data;
    // Units sit at even columns (a one-pixel gap after each); positive is orange (more red than blue).
    const warmth = [];
    for (let u = 0; u < 10; u++) warmth.push(d[u * 2 * 4] - d[u * 2 * 4 + 2]);
    return warmth.indexOf(Math.max(...warmth));
  });
  assert.equal(brightest, 7);
  assert.deepEqual(log.pageErrors, []);
  await context.close();
});

test('pointing at a feature map shows its value and the filter behind it; keys move the point', async () => {
  const { page, context } = await open(browser, server, '/?lang=en');
  await ready(page);
  await draw(page, DIGITS[1]);
  await page.waitForFunction(() => document.querySelector('[data-testid="draw-prediction"]').textContent.trim() !== '');
  const maps = page.locator(tid('draw-maps-0'));
  await maps.scrollIntoViewIfNeeded();
  const b = await maps.boundingBox();
  // Into the middle of the second tile (tiles are 26 pixels and a 1-pixel gap apart).
  const [w, h] = await maps.evaluate((c) => [c.width, c.height]);
  await page.mouse.move(b.x + (b.width * 40) / w, b.y + (b.height * 13) / h);
  const [, r, k] = (await text(page, 'draw-hover')).match(/^conv1\.0 · Conv2d, map 1, row (\d+), column (\d+): -?\d/);
  assert.ok(Math.abs(Number(k) - 13) <= 1 && Math.abs(Number(r) - 13) <= 1, `row ${r} column ${k}`);
  assert.match(await page.textContent('.map-info'), /w = \[.*\]/);
  await maps.focus();
  await page.keyboard.press('ArrowRight');
  assert.match(await text(page, 'draw-hover'), new RegExp(`map 1, row ${r}, column ${Number(k) + 1}:`));
  // The unit strip of the logits: the value shown is the logit in the seed's printout.
  const last = page.locator('canvas.maps').last();
  await last.focus();
  await page.keyboard.press('ArrowRight');
  assert.match(await text(page, 'draw-hover'), /^classifier\.4 · Linear, unit 1: /);
  const shown = (await text(page, 'draw-hover')).split(': ').pop();
  const logits = (await text(page, 'draw-seed-format')).match(/logits: \[(.*)\]/)[1].split(', ');
  assert.equal(shown, logits[1]);
  await context.close();
});

test('pointing at a map outlines the cell and shows beside it its receptive field on the input', async () => {
  const { page, context } = await open(browser, server, '/?lang=en', { viewport: { width: 1440, height: 900 } });
  await ready(page);
  // The sample digit is drawn on load; conv2.0 (index 3) has 32 maps of 12 × 12.
  const maps = page.locator(tid('draw-maps-3'));
  await maps.scrollIntoViewIfNeeded();
  const b = await maps.boundingBox();
  const [w, h] = await maps.evaluate((c) => [c.width, c.height]);
  // Cell (row 5, column 6) of map 0 sits at picture pixel (6, 5); point at its middle.
  const at = { x: b.x + (b.width * 6.5) / w, y: b.y + (b.height * 5.5) / h };
  await page.mouse.move(at.x, at.y);
  assert.match(await text(page, 'draw-hover'), /^conv2\.0 · Conv2d, map 0, row 5, column 6: -?\d/);
  // By hand: conv2 reads pool1 rows 5–7; pool1 (2×2, stride 2, padding 1) row i reads conv1
  // rows 2i−1 … 2i, so rows 9–14; conv1 (3×3) reads input rows 9–16. Columns: 11–18.
  assert.equal(await text(page, 'draw-field-text'), 'Receptive field: rows 9–16, columns 11–18 of the input (8 × 8 pixels)');
  const field = await page.$eval(tid('draw-field'), (c) => {
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    const px = (x, y) => Array.from(d.slice((y * c.width + x) * 4, (y * c.width + x) * 4 + 3));
    return { w: c.width, corners: [px(44, 36), px(75, 67)], outside: [px(43, 36), px(76, 67), px(44, 35)] };
  });
  assert.equal(field.w, 112);
  for (const p of field.corners) assert.deepEqual(p, [217, 45, 32]);
  for (const p of field.outside) assert.notDeepEqual(p, [217, 45, 32]);
  // The cell is outlined under the pointer, and the card sits beside it without covering it.
  const cursor = await page.locator('.map-cursor').boundingBox();
  assert.ok(cursor.x <= at.x && at.x <= cursor.x + cursor.width && cursor.y <= at.y && at.y <= cursor.y + cursor.height, JSON.stringify({ cursor, at }));
  const card = await page.locator('.map-info').boundingBox();
  assert.ok(card.x >= cursor.x + cursor.width, `card at ${card.x}, cell ends at ${cursor.x + cursor.width}`);
  assert.ok(card.x - (cursor.x + cursor.width) < 40, 'the card is next to the cell');
  assert.ok(card.x + card.width <= 1440 && Math.abs(card.y - cursor.y) < 40, JSON.stringify(card));
  // The mouse leaves: the card and the outline go.
  await page.mouse.move(5, 5);
  await page.waitForFunction(() => document.querySelector('.map-info').textContent.trim() === '' && !document.querySelector('.map-cursor'));
  // From the keyboard: focus, an arrow shows the card, Escape hides it.
  await maps.focus();
  await page.keyboard.press('ArrowDown');
  assert.match(await text(page, 'draw-hover'), /map 0, row 1, column 0:/);
  assert.equal(await text(page, 'draw-field-text'), 'Receptive field: rows 1–8, columns 0–6 of the input (8 × 7 pixels)');
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => document.querySelector('.map-info').textContent.trim() === '');
  // A cell low in the window: the card moves up to stay in it, still beside the cell.
  const first = page.locator(tid('draw-maps-0'));
  const low = await first.evaluate((c) => {
    scrollBy(0, c.getBoundingClientRect().bottom - innerHeight + 20);
    const r = c.getBoundingClientRect();
    return { x: r.left + r.width * 0.3, y: r.bottom - 3 };
  });
  await page.mouse.move(low.x, low.y);
  await page.waitForSelector('[data-testid="draw-field-text"]');
  // (Placed once the card has been measured, before the next frame.)
  await page.waitForFunction(() => {
    const r = document.querySelector('.map-info').getBoundingClientRect();
    return r.height > 100 && r.top >= 0 && r.bottom <= innerHeight + 1;
  }, null, { timeout: 5000 });
  const [lowCard, lowCell] = [await page.locator('.map-info').boundingBox(), await page.locator('.map-cursor').boundingBox()];
  assert.ok(lowCard.x >= lowCell.x + lowCell.width || lowCard.x + lowCard.width <= lowCell.x, JSON.stringify({ lowCard, lowCell }));
  await page.mouse.move(5, 5);
  // A unit of the classifier reads every pixel.
  const last = page.locator('canvas.maps').last();
  await last.focus();
  await page.keyboard.press('ArrowRight');
  assert.match(await text(page, 'draw-field-text'), /the whole input/);
  await context.close();
});

test('touch and pen strokes draw too (pointer events)', async () => {
  const { page, context } = await open(browser, server, '/?lang=ko');
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
  await page.waitForFunction(() => document.querySelector('[data-testid="draw-prediction"]').textContent.trim() === '1');
  assert.equal(await page.getAttribute(tid('draw-canvas'), 'aria-label'), '그림판: 여기에 숫자를 그리세요');
  await context.close();
});

test('the keyboard draws too: arrows move the pen, Space puts it down and lifts it', async () => {
  const { page, context } = await open(browser, server, '/?lang=en');
  await ready(page);
  await page.focus(tid('draw-canvas'));
  for (let i = 0; i < 9; i++) await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Space');
  for (let i = 0; i < 18; i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Space');
  await page.waitForFunction(() => document.querySelector('[data-testid="draw-prediction"]').textContent.trim() === '1');
  // Lifted: moving no longer draws.
  const before = (await preview(page)).ink.reduce((a, b) => a + b);
  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
  await page.waitForTimeout(200);
  assert.equal((await preview(page)).ink.reduce((a, b) => a + b), before);
  await context.close();
});
