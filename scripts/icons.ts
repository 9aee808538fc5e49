// Draws the extension's icons (public/icon/{16,32,48,128}.png) from one SVG with headless Chromium.
// Run: npx tsx scripts/icons.ts
import { chromium } from 'playwright-core';

const SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 128 128">
  <path d="M64 6 L114 24 V60 C114 92 92 114 64 122 C36 114 14 92 14 60 V24 Z" fill="#0f6cbd"/>
  <path d="M64 18 L102 32 V60 C102 85 86 103 64 110 Z" fill="#115ea3"/>
  <circle cx="58" cy="58" r="22" fill="none" stroke="#fff" stroke-width="10"/>
  <path d="M74 74 L94 94" stroke="#fff" stroke-width="12" stroke-linecap="round"/>
  <path d="M48 60 L56 68 L70 50" fill="none" stroke="#fde7e9" stroke-width="7" stroke-linecap="round" stroke-linejoin="round"/>
</svg>`;

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
for (const size of [16, 32, 48, 128]) {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  await page.setContent(`<html><body style="margin:0;background:transparent">${SVG.replace('<svg ', `<svg width="${size}" height="${size}" `)}</body></html>`);
  await page.screenshot({ path: `public/icon/${size}.png`, omitBackground: true });
  await page.close();
}
await browser.close();
console.log('icons written to public/icon/');
