// The bench's static server on 127.0.0.1 (random port): built pages from `dir`, no caching, plus
// optional routes for generated bodies (the long-task bench serves its feed this way).
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json',
  '.svg': 'image/svg+xml', '.ics': 'text/calendar; charset=utf-8',
};

/** `routes`: path → () => Buffer, answered before the files. Resolves to the listening server. */
export function serve(dir, routes = {}) {
  const server = createServer(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, 'http://127.0.0.1').pathname));
    const type = TYPES[extname(path)] ?? 'application/octet-stream';
    if (Object.hasOwn(routes, path)) {
      const body = routes[path]();
      return void res.writeHead(200, { 'content-type': type, 'content-length': body.length, 'cache-control': 'no-store' }).end(body);
    }
    const file = join(dir, path);
    if (!file.startsWith(dir)) return void res.writeHead(403).end();
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok(server)));
}
