// A tiny static server for dist/ on loopback: serves files, falls back to index.html for app
// routes (so /form/x survives a reload), and sends the precompressed brotli (`.br`) or gzip
// (`.gz`) copy the build wrote beside a file when the browser accepts it. `deployNewVersion()` changes
// sw.js as a new deployment would, for the update test; `requests` logs what was asked for, when;
// `holdNext()` keeps one request waiting, as a download on a weak signal that has not arrived;
// `dropNext()` cuts one off, as a weak signal drops a download.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
};

/** Starts serving `root` on 127.0.0.1 and a free port; resolves to { url, close }. */
export async function serveDist(root, { port = 0 } = {}) {
  const base = resolve(root);
  const cache = new Map();
  let swExtra = '';
  const requests = [];
  /** Requests to keep waiting: `{ pattern, released }`, each for the next path it matches. */
  const holds = [];
  /** Patterns of paths whose next request is cut off, each once. */
  const drops = [];
  const server = createServer(async (req, res) => {
    try {
      const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
      requests.push({ path, at: Date.now() });
      const drop = drops.findIndex((pattern) => pattern.test(path));
      if (drop >= 0) {
        drops.splice(drop, 1);
        req.socket.destroy();
        return;
      }
      const hold = holds.find((h) => h.pattern.test(path));
      if (hold) {
        holds.splice(holds.indexOf(hold), 1);
        await hold.released;
      }
      let file = normalize(join(base, path));
      if (!file.startsWith(base)) { res.writeHead(403).end(); return; }
      let info = await stat(file).catch(() => null);
      if (!info || info.isDirectory()) {
        // Unknown paths without an extension are app routes.
        if (extname(path) && !(info && info.isDirectory())) { res.writeHead(404).end('not found'); return; }
        file = join(base, 'index.html');
      }
      const type = TYPES[extname(file)] || 'application/octet-stream';
      let body = cache.get(file);
      if (!body) {
        let raw = await readFile(file);
        // A new deployment: another version name (so another cache), as a real build gives.
        if (file === join(base, 'sw.js') && swExtra) {
          raw = Buffer.from(raw.toString('utf8').replace(/const VERSION\s*=\s*"([^"]+)"/, `const VERSION = "$1-${swExtra}"`));
        }
        const pre = (ext) => (swExtra === '' || !file.endsWith('sw.js') ? readFile(file + ext).catch(() => null) : null);
        const gz = await pre('.gz');
        body = { raw, gz: gz || gzipSync(raw, { level: 9 }), br: await pre('.br') };
        cache.set(file, body);
      }
      const accepts = req.headers['accept-encoding'] || '';
      const br = body.br && /\bbr\b/.test(accepts);
      const gzip = !br && /\bgzip\b/.test(accepts);
      const headers = { 'content-type': type, 'cache-control': 'no-cache', vary: 'accept-encoding' };
      if (br) headers['content-encoding'] = 'br';
      if (gzip) headers['content-encoding'] = 'gzip';
      const out = br ? body.br : gzip ? body.gz : body.raw;
      headers['content-length'] = out.length;
      res.writeHead(200, headers);
      res.end(req.method === 'HEAD' ? undefined : out);
    } catch (e) {
      res.writeHead(500).end(String(e));
    }
  });
  await new Promise((ok) => server.listen(port, '127.0.0.1', ok));
  const { port: actual } = server.address();
  return {
    url: `http://127.0.0.1:${actual}`,
    /** Every request as it arrived: its path and the time (`Date.now()`). */
    requests,
    /** Keeps the next request for a path matching `pattern` waiting until the returned
     * function is called; later ones are served as usual. */
    holdNext(pattern) {
      let release;
      holds.push({ pattern, released: new Promise((resolve) => { release = resolve; }) });
      return () => release();
    },
    /** Cuts off the next request for a path matching `pattern` with no answer; later ones are
     * served as usual. */
    dropNext(pattern) {
      drops.push(pattern);
    },
    /** Serves a changed sw.js from now on, as when a new version is deployed. */
    deployNewVersion(tag) {
      swExtra = tag;
      cache.clear();
    },
    close: () => new Promise((ok) => { server.closeAllConnections?.(); server.close(ok); }),
  };
}
