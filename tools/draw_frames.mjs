// Where the time of drawing goes: the same 120 pointer moves as `bench_browser.mjs --draw-only`,
// under Chromium's tracing, with the browser's rendering phases summed (style, layout, paint,
// layerize, commit) and counted per frame. A move's time includes a frame's rendering when one
// falls between the move and its settling, so the p95 of the moves is mostly the cost of a frame.
// Usage: trunk build --release && node tools/draw_frames.mjs   (DIST=<dir> for another build)
import { serve, launch, timedStroke } from '../tests/e2e/harness.mjs';

const PHASES = ['UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'Layerize', 'Commit'];
const server = await serve();
const browser = await launch();
const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
await page.goto(`http://127.0.0.1:${server.address().port}/?lang=en`);
await page.waitForSelector('[data-testid="draw-maps-0"]');
await page.locator('[data-testid="draw-canvas"]').scrollIntoViewIfNeeded();
await page.waitForTimeout(1500);
const cdp = await page.context().newCDPSession(page);
const events = [];
cdp.on('Tracing.dataCollected', (d) => events.push(...d.value));
const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline', transferMode: 'ReportEvents' });
const times = await timedStroke(page);
await cdp.send('Tracing.end');
await complete;
const sum = Object.fromEntries(PHASES.map((p) => [p, 0]));
for (const e of events) if (e.ph === 'X' && e.dur && e.name in sum) sum[e.name] += e.dur / 1000;
const frames = events.filter((e) => e.ph === 'X' && e.name === 'Layerize').length;
const sorted = [...times.slice(10)].sort((a, b) => a - b);
console.log(`moves: ${sorted[sorted.length >> 1].toFixed(2)} ms median, ${sorted[Math.floor(0.95 * sorted.length)].toFixed(2)} ms p95`);
console.log(`frames: ${frames}; per frame: ${PHASES.map((p) => `${p} ${(sum[p] / Math.max(frames, 1)).toFixed(2)}`).join(', ')} ms`);
await browser.close();
server.close();
