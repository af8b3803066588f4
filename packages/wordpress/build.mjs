// Builds the installable plugin: dist/sozial-innovativ-widgets.zip, a folder
// `sozial-innovativ-widgets/` with the PHP sources of plugin/, the compiled German .mo and the
// embed package's build output (embed.js and its chunks, no source maps) in assets/embed/.
// No dependencies: a .po → .mo writer and a deflate zip writer on node:zlib.
import { copyFileSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';

export const SLUG = 'sozial-innovativ-widgets';
const here = import.meta.dirname;
const embedDist = resolve(here, '../embed/dist');
export const distDir = join(here, 'dist');
export const zipPath = join(distDir, `${SLUG}.zip`);

/** Entries of a .po file: `{ context, id, str }`, the header (empty id) included. */
export function parsePo(text) {
  const entries = [];
  let entry = {};
  let field;
  const unquote = (s) => JSON.parse(s.replace(/\\([^"\\nt])/g, '\\\\$1'));
  const flush = () => {
    if (entry.id !== undefined) entries.push({ context: entry.context, id: entry.id, str: entry.str ?? '' });
    entry = {};
  };
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    const m = /^(msgctxt|msgid|msgstr)\s+(".*")$/.exec(line);
    if (m) {
      if (m[1] === 'msgctxt' || (m[1] === 'msgid' && entry.str !== undefined)) flush();
      field = { msgctxt: 'context', msgid: 'id', msgstr: 'str' }[m[1]];
      entry[field] = unquote(m[2]);
    } else if (line.startsWith('"') && field) entry[field] += unquote(line);
    else if (line === '' || line.startsWith('#')) field = undefined;
  }
  flush();
  return entries;
}

/** GNU .mo bytes for the entries (no hash table, which readers treat as optional). */
export function writeMo(entries) {
  const pairs = entries
    .filter((e) => e.str !== '' || e.id === '')
    .map((e) => [Buffer.from(e.context ? `${e.context}\u0004${e.id}` : e.id), Buffer.from(e.str)])
    .sort(([a], [b]) => Buffer.compare(a, b));
  const n = pairs.length;
  const header = Buffer.alloc(28 + n * 16);
  header.writeUInt32LE(0x950412de, 0);
  header.writeUInt32LE(0, 4);
  header.writeUInt32LE(n, 8);
  header.writeUInt32LE(28, 12);
  header.writeUInt32LE(28 + n * 8, 16);
  header.writeUInt32LE(0, 20);
  header.writeUInt32LE(28 + n * 16, 24);
  const blobs = [];
  let offset = header.length;
  const place = (buf, table, i) => {
    header.writeUInt32LE(buf.length, table + i * 8);
    header.writeUInt32LE(offset, table + i * 8 + 4);
    blobs.push(buf, Buffer.alloc(1));
    offset += buf.length + 1;
  };
  pairs.forEach(([id], i) => place(id, 28, i));
  pairs.forEach(([, str], i) => place(str, 28 + n * 8, i));
  return Buffer.concat([header, ...blobs]);
}

/** A zip archive (deflate, UTF-8 names, fixed timestamp so equal inputs give equal bytes). */
export function writeZip(files) {
  const locals = [];
  const centrals = [];
  let offset = 0;
  const time = 0; // 00:00:00
  const date = ((2024 - 1980) << 9) | (1 << 5) | 1; // 2024-01-01
  for (const { name, data } of files) {
    const nameBytes = Buffer.from(name);
    const packed = deflateRawSync(data, { level: 9 });
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt16LE(time, 10);
    local.writeUInt16LE(date, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(0x0314, 4); // made by: Unix, spec 2.0
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt16LE(time, 12);
    central.writeUInt16LE(date, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE((0o100644 << 16) >>> 0, 38);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, packed);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + packed.length;
  }
  const centralDir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(centralDir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, centralDir, end]);
}

const walk = (dir) => readdirSync(dir, { withFileTypes: true, recursive: true })
  .filter((d) => d.isFile())
  .map((d) => join(d.parentPath ?? d.path, d.name))
  .sort();

/** Stages dist/sozial-innovativ-widgets/ and writes the zip; returns the zip's path. */
export function buildPlugin() {
  if (!existsSync(join(embedDist, 'embed.js'))) {
    throw new Error('packages/embed/dist/embed.js is missing: run `npm run build -w @sozial-innovativ/embed` first.');
  }
  const stage = join(distDir, SLUG);
  rmSync(distDir, { recursive: true, force: true });
  cpSync(join(here, 'plugin'), stage, { recursive: true });
  const assets = join(stage, 'assets/embed');
  mkdirSync(join(assets, 'chunks'), { recursive: true });
  copyFileSync(join(embedDist, 'embed.js'), join(assets, 'embed.js'));
  for (const f of readdirSync(join(embedDist, 'chunks'))) if (f.endsWith('.js')) copyFileSync(join(embedDist, 'chunks', f), join(assets, 'chunks', f));
  copyFileSync(join(here, '../embed/LICENSE'), join(assets, 'LICENSE'));
  for (const po of walk(join(stage, 'languages')).filter((f) => f.endsWith('.po'))) {
    writeFileSync(po.replace(/\.po$/, '.mo'), writeMo(parsePo(readFileSync(po, 'utf8'))));
  }
  const files = walk(stage).map((file) => ({ name: `${SLUG}/${relative(stage, file).split(sep).join('/')}`, data: readFileSync(file) }));
  mkdirSync(dirname(zipPath), { recursive: true });
  writeFileSync(zipPath, writeZip(files));
  return zipPath;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(here, 'build.mjs')) {
  const path = buildPlugin();
  console.log(`${relative(process.cwd(), path)}: ${(statSync(path).size / 1024).toFixed(0)} KiB`);
}
