// Real-browser tests need the built extension and Debian's Chromium; fail loudly (never skip) without them.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

export default function setup(): void {
  const manifest = resolve('.output/chrome-mv3/manifest.json');
  if (!existsSync(manifest)) throw new Error(`${manifest} is missing: run \`npm run build\` first (npm test does).`);
  if (!existsSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium')) {
    throw new Error('Chromium is missing: apt-get install -y chromium (.ci/run does).');
  }
}
