// `version` lifecycle of @sozial-innovativ/core (run by `lerna version`): writes the new
// package version into src/version.ts, so VERSION and package.json never disagree, and into the
// versioned paths of the embed README's snippets (`/sozial-innovativ/0.1.0/embed.js`). Builds
// never touch tracked files; the integrity hash of a build is in its dist/sri.json.
import { readFileSync, writeFileSync } from 'node:fs';

const { version } = JSON.parse(readFileSync('package.json', 'utf8'));
const rewrite = (file, edit) => writeFileSync(file, edit(readFileSync(file, 'utf8')));
rewrite('src/version.ts', (s) => s.replace(/VERSION = '[^']*'/, `VERSION = '${version}'`));
rewrite('../embed/README.md', (s) => s.replace(/(\/sozial-innovativ\/)\d+\.\d+\.\d+(?:-[\w.]+)?\//g, `$1${version}/`));
console.log(`core VERSION and embed README paths = ${version}`);
