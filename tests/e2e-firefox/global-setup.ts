// The Firefox suite needs the Firefox build and Debian's Firefox ESR; fail loudly (never skip) without them.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

export default function setup(): void {
  const manifest = resolve('.output/firefox-mv3/manifest.json');
  if (!existsSync(manifest)) throw new Error(`${manifest} is missing: run \`npm run build:firefox\` first (npm test does).`);
  if (!existsSync(process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr')) {
    throw new Error('Firefox ESR is missing: apt-get install -y firefox-esr (.ci/run does).');
  }
}
