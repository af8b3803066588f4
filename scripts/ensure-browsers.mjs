// Makes sure Debian's Chromium and Firefox ESR are installed: installs them as root, or stops
// with the one line that says how.
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';

const wanted = [
  ['chromium', process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'],
  ['firefox-esr', process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr'],
];
const missing = wanted.filter(([, path]) => !existsSync(path)).map(([pkg]) => pkg);
if (missing.length) {
  const isRoot = process.getuid?.() === 0;
  const cmd = `apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y ${missing.join(' ')}`;
  if (!isRoot) {
    console.error(`Browser tests need ${missing.join(' and ')}: run  sudo sh -c '${cmd}'`);
    process.exit(1);
  }
  console.log(`Installing ${missing.join(', ')} from Debian …`);
  execSync(cmd, { stdio: 'inherit', shell: '/bin/sh' });
}
