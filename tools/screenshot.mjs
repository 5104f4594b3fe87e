// Takes the README screenshot from the real app: `trunk build --release`, then
// `node tools/screenshot.mjs [lang] [out.png]`.
import { serve, launch, open } from '../tests/e2e/harness.mjs';

const lang = process.argv[2] ?? 'en';
const out = process.argv[3] ?? `docs/screenshot-${lang}.png`;
const server = await serve();
const browser = await launch();
const { page } = await open(browser, server, `/?lang=${lang}`, { viewport: { width: 1100, height: 900 } });
await page.waitForSelector('[data-testid="summary"]');
await page.screenshot({ path: out, fullPage: false });
await browser.close();
server.close();
console.log(`wrote ${out}`);
