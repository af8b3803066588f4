// Writes the README's element reference from each package's custom-elements.json (made by
// `cem analyze` in `npm run build`), so JSDoc, Storybook and README share one source.
import { execSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

const packages = ['core', 'event-calendar', 'initiative-cards', 'match-finder'];
const cell = (s) => String(s ?? '').replace(/\s+/g, ' ').replace(/\|/g, '\\|').trim();
const out = [];
for (const pkg of packages) {
  const dir = `packages/${pkg}`;
  execSync('npm run analyze --silent', { cwd: dir, stdio: 'ignore' });
  const manifest = JSON.parse(readFileSync(`${dir}/custom-elements.json`, 'utf8'));
  for (const mod of manifest.modules) {
    for (const decl of mod.declarations ?? []) {
      if (!decl.customElement || !decl.tagName) continue;
      out.push(`### \`<${decl.tagName}>\` (\`@sozial-innovativ/${pkg}\`)\n`);
      if (decl.summary || decl.description) out.push(`${cell(decl.summary || decl.description)}\n`);
      const attrs = (decl.attributes ?? []).filter((a) => a.name);
      if (attrs.length) {
        out.push('| attribute | type | default | description |', '|---|---|---|---|');
        for (const a of attrs) out.push(`| \`${a.name}\` | ${cell(a.type?.text)} | ${cell(a.default)} | ${cell(a.description)} |`);
        out.push('');
      }
      const props = (decl.members ?? []).filter((m) => m.kind === 'field' && !m.attribute && m.privacy !== 'private' && m.privacy !== 'protected' && !m.static && m.description);
      if (props.length) {
        out.push('| property (JS only) | type | description |', '|---|---|---|');
        for (const p of props) out.push(`| \`${p.name}\` | ${cell(p.type?.text)} | ${cell(p.description)} |`);
        out.push('');
      }
      if (decl.events?.length) {
        out.push('| event | detail | description |', '|---|---|---|');
        for (const e of decl.events) out.push(`| \`${e.name}\` | ${cell(e.type?.text)} | ${cell(e.description)} |`);
        out.push('');
      }
      const parts = (decl.cssParts ?? []).map((p) => `\`${p.name}\``).join(', ');
      const props2 = (decl.cssProperties ?? []).map((p) => `\`${p.name}\``).join(', ');
      if (parts) out.push(`CSS parts: ${parts}\n`);
      if (props2) out.push(`CSS custom properties: ${props2}\n`);
    }
  }
}
const readme = readFileSync('README.md', 'utf8');
const start = '<!-- api:start -->';
const end = '<!-- api:end -->';
if (!readme.includes(start)) throw new Error('README.md has no api markers');
const next = readme.replace(new RegExp(`${start}[\\s\\S]*${end}`), `${start}\n${out.join('\n')}\n${end}`);
writeFileSync('README.md', next);
console.log(`README element reference: ${out.filter((l) => l.startsWith('### ')).length} elements`);
if (!existsSync('README.md')) process.exit(1);
