// The first visit: an overview that is also the navigation, a page alive on load, a light first
// load, phones, and offline use. Desktop at 1440×900, phone at 390×844 and 360×740.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, open, strokeOne } from './harness.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });
const tid = (id) => `[data-testid="${id}"]`;
const text = async (page, id) => (await page.textContent(tid(id))).trim();
const DESKTOP = { viewport: { width: 1440, height: 900 } };
const PHONE = { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, deviceScaleFactor: 3 };

const digitShown = (id) => (page) => page.waitForFunction(
  (id) => /^[0-9]$/.test(document.querySelector(`[data-testid="${id}"]`)?.textContent.trim() ?? ''), id, { timeout: 15000 });

/// Elements whose content is wider or taller than their box (numbers that do not fit a cell).
async function overflowing(page) {
  return page.evaluate(() => [...document.querySelectorAll('.cell, td, th, dd, .num, .stage-shape, .stage-name')]
    .filter((el) => el.offsetParent !== null && el.clientWidth > 0)
    .filter((el) => el.scrollWidth > el.clientWidth + 1)
    .map((el) => `${el.dataset.testid ?? el.className}: "${el.textContent.trim()}" ${el.scrollWidth} > ${el.clientWidth}`));
}

/// Controls smaller than 44 × 44 CSS pixels (links inside running text are exempt, as WCAG's
/// target-size rule allows).
async function smallTargets(page) {
  return page.evaluate(() => [...document.querySelectorAll('button, input, select, summary, [role=application], header a, nav a, .next-section a, .overview-path a')]
    .filter((el) => el.offsetParent !== null || el.getClientRects().length > 0)
    .filter((el) => getComputedStyle(el).visibility !== 'hidden' && !el.closest('[aria-hidden=true]') && !el.classList.contains('sr-only'))
    .map((el) => ({ el, r: el.getBoundingClientRect() }))
    .filter(({ r }) => r.width > 0 && (r.width < 43.5 || r.height < 43.5))
    .map(({ el, r }) => `${el.tagName.toLowerCase()}[${el.dataset.testid ?? el.getAttribute('aria-label') ?? el.textContent.trim().slice(0, 20)}] ${r.width.toFixed(0)}×${r.height.toFixed(0)}`));
}

test('desktop: the overview shows the model fed by a sample, with its prediction, before any input', async () => {
  const { page, context, log } = await open(browser, server, '/?lang=en', DESKTOP);
  await digitShown('overview-prediction')(page);
  await digitShown('draw-prediction')(page);
  // The same sample drives both: a held-out 3 the pretrained model reads as 3.
  assert.equal(await text(page, 'overview-prediction'), '3');
  assert.equal(await text(page, 'draw-prediction'), '3');
  assert.ok(await page.isVisible(tid('overview')));
  const box = await page.locator(tid('overview-prediction')).boundingBox();
  assert.ok(box.y + box.height <= 900, `the prediction is on the first screen (bottom ${box.y + box.height})`);
  // Every stage links to its section and the thumbnails are painted, not blank.
  const stages = await page.$$eval(`${tid('overview')} a`, (as) => as.map((a) => a.getAttribute('href')));
  assert.deepEqual(stages, ['#draw', '#conv', '#pool', '#conv', '#pool', '#head', '#head']);
  const inked = await page.$$eval(`${tid('overview')} ${tid('overview-thumb')}`, (cs) => cs.map((c) => {
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let n = 0; for (let i = 0; i < d.length; i += 4) if (d[i] !== d[i + 1] || d[i] < 250) n++;
    return n;
  }));
  assert.equal(inked.length, 12);
  // The busiest maps are shown, so none is blank.
  assert.ok(inked.every((n) => n > 0), `thumbnails painted: ${inked}`);
  // The Draw section is alive too: probabilities, preprocessing and maps without input.
  const p = await Promise.all([...Array(10).keys()].map((d) => text(page, `draw-prob-${d}`)));
  assert.ok(Math.abs(p.map(Number).reduce((a, b) => a + b) - 1) < 2e-3, `${p}`);
  assert.ok(await page.isVisible(tid('draw-sample-note')));
  assert.deepEqual(await overflowing(page), []);
  assert.deepEqual(log.pageErrors, []);
  assert.deepEqual(log.consoleErrors, []);
  await context.close();
});

test('desktop: the navigation marks the section in view, and each section leads to the next', async () => {
  const { page, context } = await open(browser, server, '/?lang=en', DESKTOP);
  const current = () => page.$$eval('nav[data-testid="nav"] a[aria-current]', (as) => as.map((a) => a.dataset.testid));
  // Every section's link on one line of the header, at the narrowest desktop width too.
  for (const width of [1440, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    const rows = await page.$$eval('nav[data-testid="nav"] a', (as) => new Set(as.map((a) => Math.round(a.getBoundingClientRect().top))).size);
    assert.equal(rows, 1, `the navigation wraps at ${width} px`);
  }
  for (const id of ['pool', 'model', 'train']) {
    // The link is named by its words; the number before them is for the eye only.
    assert.match(await page.locator(tid(`nav-${id}`)).ariaSnapshot(), /^- link "[A-Z][a-z]/);
    await page.click(tid(`nav-${id}`));
    await page.waitForFunction((id) => document.querySelector(`[data-testid="nav-${id}"]`).getAttribute('aria-current') === 'true', id);
    assert.deepEqual(await current(), [`nav-${id}`]);
  }
  // "Next" at the end of a section goes on to the following one.
  await page.click(tid('next-draw'));
  await page.waitForFunction(() => document.querySelector('[data-testid="nav-draw"]').getAttribute('aria-current') === 'true');
  await context.close();
});

test('desktop: drawing keeps the canvas and the prediction in view; the first stroke replaces the sample', async () => {
  const { page, context } = await open(browser, server, '/?lang=en', DESKTOP);
  await digitShown('draw-prediction')(page);
  await strokeOne(page, 10);
  await page.waitForFunction(() => document.querySelector('[data-testid="draw-prediction"]').textContent.trim() === '1');
  assert.equal(await page.$(tid('draw-sample-note')), null);
  for (const id of ['draw-canvas', 'draw-prediction', 'draw-prob-9', 'draw-strip']) {
    const r = await page.locator(tid(id)).boundingBox();
    assert.ok(r.y >= 0 && r.y + r.height <= 900 && r.x + r.width <= 1440, `${id} in view: ${JSON.stringify(r)}`);
  }
  // The overview follows the same drawing (once it is in view again).
  await page.locator(tid('overview')).scrollIntoViewIfNeeded();
  await page.waitForFunction(() => document.querySelector('[data-testid="overview-prediction"]').textContent.trim() === '1');
  await page.click(tid('draw-clear'));
  await page.locator(tid('overview')).scrollIntoViewIfNeeded();
  await page.waitForFunction(() => document.querySelector('[data-testid="overview-prediction"]').textContent.trim() === '');
  await page.click(tid('overview-sample'));
  await digitShown('overview-prediction')(page);
  await context.close();
});

for (const [name, viewport] of [['390×844', { width: 390, height: 844 }], ['360×740', { width: 360, height: 740 }]]) {
  test(`phone ${name}: no horizontal scrolling, targets of 44 px, a one-bar header with a menu`, async () => {
    const { page, context, log } = await open(browser, server, '/?lang=ko', { ...PHONE, viewport });
    await digitShown('overview-prediction')(page);
    // Open every part that appears later: the worker's section, a training-free state.
    await page.locator(tid('train')).scrollIntoViewIfNeeded();
    await page.waitForFunction(() => document.querySelector('[data-testid="train"]').dataset.ready === 'true', null, { timeout: 60000 });
    // Against the phone's width, not innerWidth: a mobile browser widens its layout viewport to
    // fit content that is too wide, and innerWidth with it.
    const W = viewport.width;
    const wide = await page.evaluate(() => ({ doc: document.documentElement.scrollWidth, body: document.body.scrollWidth, w: innerWidth }));
    assert.ok(wide.doc <= W && wide.body <= W && wide.w === W, `document ${wide.doc} px, body ${wide.body} px, layout viewport ${wide.w} px on a ${W} px phone`);
    // Only what a box that scrolls sideways holds may reach past the screen, not the box itself.
    const culprits = await page.evaluate((W) => [...document.querySelectorAll('body *')]
      .filter((el) => el.getBoundingClientRect().right > W + 1 && !el.parentElement.closest('.table-scroll, .grid, pre, .sr-only') && !el.classList.contains('sr-only'))
      .slice(0, 8).map((el) => `${el.dataset.testid ?? el.className ?? el.tagName} ${el.getBoundingClientRect().right.toFixed(1)}`), W);
    assert.deepEqual(culprits, []);
    assert.deepEqual(await smallTargets(page), []);
    const header = await page.locator('header.site-header').boundingBox();
    assert.ok(header.height <= 64, `header ${header.height} px tall`);
    assert.equal(await page.isVisible(tid('nav-conv')), false);
    await page.click(tid('nav-menu'));
    await page.click(tid('nav-conv'));
    await page.waitForFunction(() => document.querySelector('[data-testid="nav-conv"]').getAttribute('aria-current') === 'true');
    assert.equal(await page.isVisible(tid('nav-conv')), false, 'the menu closes after a choice');
    // Touch screens get no keyboard-pen hint.
    assert.equal(await page.isVisible('#draw-keys'), false);
    assert.deepEqual(log.pageErrors, []);
    await context.close();
  });
}

test('phone: a tapped map cell keeps its card on screen, within the width, never over the cell', async () => {
  const { page, context, log } = await open(browser, server, '/?lang=ko', PHONE);
  const maps = page.locator(tid('draw-maps-3'));
  await maps.scrollIntoViewIfNeeded();
  // The cell (5, 6) of map 0 tapped with the maps high on the screen, then low on it.
  for (const at of [0.2, 0.75]) {
    const tapped = await maps.evaluate((c, at) => {
      const y = c.getBoundingClientRect().top + (c.getBoundingClientRect().height * 5.5) / c.height;
      scrollBy(0, y - at * innerHeight);
      const r = c.getBoundingClientRect();
      const p = { clientX: r.left + (r.width * 6.5) / c.width, clientY: r.top + (r.height * 5.5) / c.height };
      // A finger: down, up and away, as a touch screen sends them.
      for (const type of ['pointerdown', 'pointerup', 'pointerleave']) {
        c.dispatchEvent(new PointerEvent(type, { pointerType: 'touch', pointerId: 3, isPrimary: true, bubbles: type !== 'pointerleave', ...p }));
      }
      return p.clientY;
    }, at);
    // The finger has lifted: the card stays, and says the same as on a desktop.
    await page.waitForFunction(() => document.querySelector('[data-testid="draw-field-text"]'));
    assert.match(await page.textContent(tid('draw-hover')), /^conv2\.0 · Conv2d, 맵 0, 행 5, 열 6: /);
    assert.equal((await page.textContent(tid('draw-field-text'))).trim(), '수용 영역: 입력의 행 9–16, 열 11–18(8 × 8픽셀)');
    const card = await page.locator('.map-info').boundingBox();
    const cell = await page.locator('.map-cursor').boundingBox();
    const W = PHONE.viewport.width, H = PHONE.viewport.height;
    assert.ok(card.x >= 0 && card.x + card.width <= W + 1, `card from ${card.x} to ${card.x + card.width} in ${W}`);
    assert.ok(card.y >= 0 && card.y + card.height <= H + 1, `card from ${card.y} to ${card.y + card.height} in ${H}`);
    assert.ok(Math.abs(cell.y + cell.height / 2 - tapped) < 2, `outline at ${cell.y}, tap at ${tapped}`);
    assert.ok(cell.y + cell.height <= card.y || card.y + card.height <= cell.y, `card ${card.y}–${card.y + card.height} over the cell at ${cell.y}`);
    // Scrolled so that the cell passes the middle of the screen, the card moves out of its way.
    await page.evaluate(() => scrollBy(0, (document.querySelector('.map-cursor').getBoundingClientRect().top < innerHeight / 2 ? -0.5 : 0.5) * innerHeight));
    await page.waitForFunction(() => {
      const [card, cell] = ['.map-info', '.map-cursor'].map((s) => document.querySelector(s).getBoundingClientRect());
      return cell.top > 0 && cell.bottom < innerHeight && (cell.bottom <= card.top || card.bottom <= cell.top) && card.top >= 0 && card.bottom <= innerHeight + 1;
    }, null, { timeout: 5000 });
    // No Esc on a phone: its × closes it.
    await page.locator(tid('draw-hover-close')).click();
    await page.waitForFunction(() => document.querySelector('.map-info').textContent.trim() === '');
  }
  assert.deepEqual(log.pageErrors, []);
  await context.close();
});

test('first load: nothing of training is fetched before the first interaction; the Train section fetches it', async () => {
  const { page, context, log } = await open(browser, server, '/?lang=en', DESKTOP);
  const requests = [];
  page.on('request', (r) => requests.push(new URL(r.url()).pathname));
  await page.reload();
  await digitShown('overview-prediction')(page);
  await page.waitForTimeout(1500);
  const training = requests.filter((p) => /mnist-10k|worker/.test(p));
  assert.deepEqual(training, [], `fetched before any interaction: ${training}`);
  assert.ok(requests.some((p) => p.endsWith('pretrained.safetensors')));
  assert.equal(await text(page, 'train-status'), 'idle');
  await page.locator(tid('train')).scrollIntoViewIfNeeded();
  await page.waitForFunction(() => document.querySelector('[data-testid="train"]').dataset.ready === 'true', null, { timeout: 60000 });
  assert.ok(requests.some((p) => p.endsWith('mnist-10k.bin')));
  assert.ok(requests.some((p) => /worker.*\.js$/.test(p)));
  assert.deepEqual(log.foreign, []);
  await context.close();
});

test('Start works before the worker was started: it starts it and then the run', async () => {
  const { page, context } = await open(browser, server, '/?lang=ko', DESKTOP);
  assert.equal(await text(page, 'train-status'), 'idle');
  assert.equal(await page.isDisabled(tid('train-start')), false);
  await page.fill(tid('train-epochs'), '1');
  await page.click(tid('train-step'));
  await page.waitForFunction(() => document.querySelector('[data-testid="train-status"]').textContent === 'paused', null, { timeout: 60000 });
  assert.match(await text(page, 'train-loss'), /^\d+\.\d{4}$/);
  // The Korean page says the state in Korean; the English word is only for tools.
  const line = await page.$eval('.status-line strong', (p) => p.innerText);
  assert.ok(!/paused/.test(line) && /일시 정지/.test(line), line);
  await context.close();
});

test('offline: after a first visit the whole app, training included, works with no network', async () => {
  const { page, context } = await open(browser, server, '/?lang=en', { ...DESKTOP, serviceWorkers: 'allow' });
  await digitShown('overview-prediction')(page);
  // The first action registers the service worker, which stores every file of the build.
  await page.click(tid('overview-sample'));
  await page.evaluate(async () => {
    const reg = await navigator.serviceWorker.ready;
    while (reg.active.state !== 'activated') await new Promise((r) => setTimeout(r, 100));
  });
  await context.setOffline(true);
  await page.reload();
  await digitShown('overview-prediction')(page);
  // The network is really gone: a file the service worker does not keep (its own script) cannot
  // be had. (Not `navigator.onLine`: Debian 12's Chromium 148 does not report the emulated cut
  // there, though it cuts the network all the same.)
  const reached = await page.evaluate(() => fetch('./sw.js', { cache: 'no-store' }).then((r) => r.ok, () => false));
  assert.equal(reached, false, 'the network is cut');
  assert.ok(await page.evaluate(() => navigator.serviceWorker.controller !== null), 'the page is served by the service worker');
  await page.click(tid('train-step'));
  await page.waitForFunction(() => document.querySelector('[data-testid="train-status"]').textContent === 'paused', null, { timeout: 60000 });
  assert.match(await text(page, 'train-loss'), /^\d+\.\d{4}$/);
  await context.close();
});
