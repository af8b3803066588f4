// `version` lifecycle of @sozial-innovativ/core (run by `lerna version`): writes the new
// package version into src/version.ts, so VERSION and package.json never disagree.
import { readFileSync, writeFileSync } from 'node:fs';

const { version } = JSON.parse(readFileSync('package.json', 'utf8'));
const file = 'src/version.ts';
const next = readFileSync(file, 'utf8').replace(/VERSION = '[^']*'/, `VERSION = '${version}'`);
writeFileSync(file, next);
console.log(`core VERSION = ${version}`);
