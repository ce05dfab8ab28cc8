// A local HTTP server for the browser test: fixed routes to files (no directory listing, no
// path from the URL reaches the file system), an optional Content-Security-Policy header on
// the HTML page, and POST /result, whose JSON body resolves `result`.
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
};

/** A running server: its origin, the next posted result, and close(). */
export interface TestServer {
  origin: string;
  /** The JSON body of the next POST /result (call it before the page can post). */
  result(): Promise<unknown>;
  close(): Promise<void>;
}

/**
 * Serve `routes` (URL path -> file path, or a directory when the key ends in '/').
 *
 * @param routes - URL paths to files ('/index.html') or prefixes to directories ('/ort/')
 * @param csp - Content-Security-Policy header value sent with HTML pages, if any
 */
export async function serve(routes: Record<string, string>, csp?: string): Promise<TestServer> {
  let deliver: (value: unknown) => void = () => {};
  let pending = new Promise<unknown>((resolve) => {
    deliver = resolve;
  });
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (request.method === 'POST' && url.pathname === '/result') {
      const chunks: Buffer[] = [];
      request.on('data', (c: Buffer) => chunks.push(c));
      request.on('end', () => {
        response.end('ok');
        const resolve = deliver;
        pending = new Promise<unknown>((next) => {
          deliver = next;
        });
        resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
      });
      return;
    }
    const file = lookup(routes, url.pathname);
    if (file === undefined) {
      response.writeHead(404).end();
      return;
    }
    readFile(file).then(
      (body) => {
        const type = TYPES[extname(file)] ?? 'application/octet-stream';
        const headers: Record<string, string> = { 'content-type': type };
        if (csp !== undefined && type.startsWith('text/html')) {
          headers['content-security-policy'] = csp;
        }
        response.writeHead(200, headers).end(body);
      },
      () => response.writeHead(404).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    result: () => pending,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function lookup(routes: Record<string, string>, path: string): string | undefined {
  if (routes[path] !== undefined && !path.endsWith('/')) return routes[path];
  const slash = path.lastIndexOf('/');
  const dir = routes[path.slice(0, slash + 1)];
  const name = path.slice(slash + 1);
  // one plain file name under a served directory: no '..', no sub-directories
  if (dir === undefined || !/^[\w.-]+$/.test(name) || name.startsWith('.')) return undefined;
  return `${dir}/${name}`;
}
