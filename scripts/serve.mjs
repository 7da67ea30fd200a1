// A tiny static file server for the repository root (`npm start`): no dependencies, GET/HEAD
// only, nothing outside the repository. PORT (default 8000); the next free port if busy.
// Tests and scripts import it: `await serve({ port: 0 })` starts one on an ephemeral port.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const MAX_TRIES = 20;

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/plain; charset=utf-8',
};

function send(res, status, text) {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
  res.end(text);
}

/** Maps a URL path to a file inside root, or undefined for anything that escapes it. */
function toFile(root, urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0')) return undefined;
  const file = resolve(join(root, decoded));
  return file === root || file.startsWith(root + sep) ? file : undefined;
}

/**
 * A static file server for `root` (not yet listening).
 *
 * @param {string} [root] directory to serve; the repository root by default
 * @param {{ headers?: (pathname: string, search: URLSearchParams) => Record<string, string> | undefined }} [options]
 *   `headers` adds response headers per path and query (a Content-Security-Policy for one test
 *   page, say, or one per `?policy=` variant of it)
 * @returns {import('node:http').Server}
 */
export function createStaticServer(root = ROOT, { headers } = {}) {
  const base = resolve(root);
  return createServer(async (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('allow', 'GET, HEAD');
      return send(res, 405, 'Method not allowed');
    }
    const { pathname, searchParams } = new URL(req.url ?? '/', 'http://localhost');
    if (pathname === '/') {
      res.writeHead(302, { location: '/demo/index.html' });
      return res.end();
    }
    let file = toFile(base, pathname);
    if (!file) return send(res, 403, 'Forbidden');
    try {
      let info = await stat(file);
      if (info.isDirectory()) {
        file = join(file, 'index.html');
        info = await stat(file);
      }
      if (!info.isFile()) return send(res, 404, 'Not found');
      res.writeHead(200, {
        'content-type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
        'content-length': info.size,
        'cache-control': 'no-cache',
        'x-content-type-options': 'nosniff',
        ...headers?.(pathname, searchParams),
      });
      if (req.method === 'HEAD') return res.end();
      createReadStream(file)
        .on('error', () => res.destroy())
        .pipe(res);
    } catch {
      send(res, 404, 'Not found');
    }
  });
}

/**
 * Starts a static server. `port: 0` takes an ephemeral port; any other port that is busy moves
 * on to the next one (up to 20 tries).
 *
 * @param {{ port?: number, root?: string, headers?: (pathname: string, search: URLSearchParams) => Record<string, string> | undefined }} [options]
 * @returns {Promise<{ server: import('node:http').Server, port: number, origin: string, close: () => Promise<void> }>}
 */
export function serve({ port = 8000, root = ROOT, headers } = {}) {
  const server = createStaticServer(root, { headers });
  return new Promise((resolvePromise, reject) => {
    const listen = (p, triesLeft) => {
      const onError = (error) => {
        server.off('listening', onListening);
        if (error.code === 'EADDRINUSE' && p !== 0 && triesLeft > 0) listen(p + 1, triesLeft - 1);
        else reject(error);
      };
      const onListening = () => {
        server.off('error', onError);
        const { port: actual } = server.address();
        resolvePromise({
          server,
          port: actual,
          origin: `http://127.0.0.1:${actual}`,
          close: () =>
            new Promise((done) => {
              server.closeAllConnections();
              server.close(() => done());
            }),
        });
      };
      server.once('error', onError);
      server.once('listening', onListening);
      // Loopback only for ephemeral (test) servers; `npm start` listens as it always did.
      if (p === 0) server.listen(0, '127.0.0.1');
      else server.listen(p);
    };
    listen(port, MAX_TRIES);
  });
}

// `node scripts/serve.mjs`: serve the repository for the demo.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  serve({ port: Number(process.env.PORT ?? 8000) }).then(
    ({ port }) => {
      console.log(`Serving ${ROOT}`);
      console.log(`Demo: http://localhost:${port}/demo/index.html`);
      console.log(`Map workbench (export → map, in the browser): http://localhost:${port}/demo/workbench.html`);
    },
    (error) => {
      console.error(`serve: ${error.message}`);
      process.exit(1);
    },
  );
}
