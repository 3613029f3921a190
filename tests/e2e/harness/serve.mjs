// A tiny static server for the built page (dist/ at the repository root).
//
// In tests: `const server = await serve({ port: 0 })` gives an ephemeral port and
// `server.url`; `await server.close()` stops it. Run directly
// (`node harness/serve.mjs`) it serves on $PORT (default 8080) until killed.

import http from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const distDir = fileURLToPath(new URL('../../../dist/', import.meta.url));

const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.go': 'text/plain; charset=utf-8',
};

async function handle(root, req, res) {
  const urlPath = decodeURIComponent(new URL(req.url, 'http://localhost').pathname);
  let file = path.join(root, path.normalize(urlPath));
  if (!file.startsWith(root)) {
    res.writeHead(403).end('forbidden');
    return;
  }
  try {
    if ((await stat(file)).isDirectory()) file = path.join(file, 'index.html');
    const body = await readFile(file);
    const type = types[path.extname(file)] ?? 'application/octet-stream';
    // CORS for everyone, as static hosts such as GitHub Pages send it: an embed in a
    // sandbox without allow-same-origin has an opaque origin, and its module script and
    // wasm fetch are cross-origin requests.
    res.writeHead(200, {
      'content-type': type,
      'cache-control': 'no-store',
      'access-control-allow-origin': '*',
    }).end(body);
  } catch {
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  }
}

/** Serves `root` on 127.0.0.1:`port` (0 = any free port). */
export function serve({ root = distDir, port = 0 } = {}) {
  const server = http.createServer((req, res) => handle(root, req, res));
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const url = `http://127.0.0.1:${server.address().port}/`;
      resolve({ url, close: () => new Promise((done) => server.close(done)) });
    });
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { url } = await serve({ port: Number(process.env.PORT ?? 8080) });
  console.log(`serving ${distDir} at ${url}`);
}
