// Takes the README screenshot from the real app: `trunk build --release`, then
// `node tools/screenshot.mjs [lang] [out.png]`.
import { serve, launch, open } from '../tests/e2e/harness.mjs';

const lang = process.argv[2] ?? 'en';
const out = process.argv[3] ?? `docs/screenshot-${lang}.png`;
const server = await serve();
const browser = await launch();
const { page } = await open(browser, server, `/?lang=${lang}`, { viewport: { width: 1100, height: 900 } });
await page.selectOption('[data-testid="conv-preset"]', 'same');
for (let k = 0; k < 7; k++) await page.click('[data-testid="conv-next"]');
const box = await (await page.$('[data-testid="conv"]')).boundingBox();
await page.screenshot({ path: out, fullPage: true, clip: { x: box.x, y: box.y, width: box.width, height: 880 } });
await browser.close();
server.close();
console.log(`wrote ${out}`);
