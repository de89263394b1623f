// `node scripts/icon.mjs`: renders media/icon.png (128×128, the Marketplace
// icon) from media/icons/mentorship.svg with the harness's Chromium
// (playwright-core; /usr/bin/chromium or MENTORSHIP_CHROMIUM).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const root = new URL('..', import.meta.url).pathname;
const svg = readFileSync(join(root, 'media/icons/mentorship.svg'), 'utf8')
  .replace('width="24" height="24"', 'width="92" height="92"')
  .replace('stroke="currentColor"', 'stroke="#ffffff"')
  .replace('stroke-width="1.6"', 'stroke-width="1.5"');
const html = `<!DOCTYPE html><html><body style="margin:0;background:transparent">
<div style="width:128px;height:128px;border-radius:24px;background:linear-gradient(135deg,#2b7a68,#1d4f6e);display:flex;align-items:center;justify-content:center">${svg}</div></body></html>`;
const browser = await chromium.launch({ executablePath: process.env.MENTORSHIP_CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
try {
  const page = await browser.newPage({ viewport: { width: 128, height: 128 } });
  await page.setContent(html);
  await page.screenshot({ path: join(root, 'media/icon.png'), omitBackground: true, clip: { x: 0, y: 0, width: 128, height: 128 } });
} finally {
  await browser.close();
}
console.log('wrote media/icon.png');
