// What the Train section's browser tests share: finding things, waiting for a status, reading
// the progress, exporting the weights, writing a file to import.
import fs from 'node:fs';
import { open } from './harness.mjs';

export const tid = (id) => `[data-testid="${id}"]`;
export const text = async (page, id) => (await page.textContent(tid(id))).trim();
export const waitStatus = (page, s, timeout = 60000) =>
  page.waitForFunction((s) => document.querySelector('[data-testid="train-status"]')?.textContent === s, s, { timeout });
export const progress = (page) => page.$eval(tid('train-progress'), (p) => [p.value, p.max]);

/// Brings the Train section into view (which starts the worker) and waits for the worker to
/// have loaded and be idle.
export async function ready(page) {
  await page.locator(tid('train')).scrollIntoViewIfNeeded();
  await page.waitForFunction(() => document.querySelector('[data-testid="train"]')?.dataset.ready === 'true', null, { timeout: 60000 });
  await waitStatus(page, 'idle');
}

/// The bytes of the weights the Export button downloads.
export async function exportBytes(page) {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click(tid('model-export'))]);
  return fs.readFileSync(await dl.path());
}

/// Writes `bytes` to a temporary file for an import; returns its path.
export function tmp(name, bytes) {
  const p = `/tmp/convlab-${process.pid}-${name}`;
  fs.writeFileSync(p, bytes);
  return p;
}

/// Presses One batch and waits for the run to pause after it.
export async function oneBatch(page) {
  await page.click(tid('train-step'));
  await waitStatus(page, 'paused');
}

/// Opens the app at `query` and waits for its worker to be idle.
export async function openTrain(browser, server, query) {
  const opened = await open(browser, server, query);
  await ready(opened.page);
  return opened;
}
