import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import type { AppContext } from '../app';
import { fail } from '../contract/result';
import { schemaVersion } from '../db/migrate';
import { dispatch } from '../dispatch';
import { securityHeaders } from './security';

export interface HttpOptions {
  host: string;
  port: number;
  /** The built renderer (out/renderer); null serves the API only. */
  staticDir: string | null;
}

// Archive imports send their file base64-encoded (20 MB of file ≈ 27 MB of body): room enough.
const MAX_BODY = 64 * 1024 * 1024;

class BodyTooLarge extends Error {}

const mime: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
};

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { ...securityHeaders, 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(text);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        // Stop keeping the data but let it drain, so the 413 answer still reaches the client.
        req.removeAllListeners('data');
        req.resume();
        reject(new BodyTooLarge('too large'));
      } else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/**
 * A loopback page of another site could still reach 127.0.0.1; two checks keep it out: the Host
 * header must name this server (defeats DNS rebinding), and a browser's Origin, when sent, must be ours.
 */
function sameSite(req: IncomingMessage, port: number): boolean {
  const allowed = new Set([`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`]);
  if (!req.headers.host || !allowed.has(req.headers.host)) return false;
  const origin = req.headers.origin;
  return origin === undefined || allowed.has(origin.replace(/^https?:\/\//, ''));
}

function serveStatic(dir: string, urlPath: string, res: ServerResponse, headOnly: boolean): void {
  const decoded = decodeURIComponent(urlPath.split('?')[0] ?? '/');
  const candidate = normalize(join(dir, decoded));
  const inside = candidate === dir || candidate.startsWith(dir.endsWith(sep) ? dir : dir + sep);
  const file = inside && existsSync(candidate) && statSync(candidate).isFile() ? candidate : join(dir, 'index.html');
  if (!existsSync(file)) {
    res.writeHead(404, securityHeaders).end('renderer not built: run `npm run build`');
    return;
  }
  const isAsset = file.includes(`${sep}assets${sep}`);
  res.writeHead(200, {
    ...securityHeaders,
    'Content-Type': mime[extname(file)] ?? 'application/octet-stream',
    // Hashed asset names can be cached for ever; index.html must not be.
    'Cache-Control': isAsset ? 'public, max-age=31536000, immutable' : 'no-cache',
  });
  if (headOnly) res.end();
  else createReadStream(file).pipe(res);
}

/** `POST /api/<channel>` with a JSON body → the same dispatch as Electron IPC. */
export function createHttpServer(app: AppContext, options: HttpOptions): Server {
  const server = createServer((req, res) => {
    void (async () => {
      const url = req.url ?? '/';
      const port = (server.address() as { port: number } | null)?.port ?? options.port;
      if (!sameSite(req, port)) return send(res, 403, fail('FORBIDDEN', '拒绝来自其他来源的请求'));
      if (url === '/api/health' && req.method === 'GET') {
        return send(res, 200, {
          ok: true,
          app: 'civil-affairs-registry',
          version: app.config.appVersion,
          schemaVersion: schemaVersion(app.db),
        });
      }
      if (url.startsWith('/api/')) {
        if (req.method !== 'POST') return send(res, 405, fail('UNKNOWN_CHANNEL', '请使用 POST 调用接口'));
        // Requiring JSON forces a CORS preflight on any cross-site attempt: no simple-form CSRF.
        if (!String(req.headers['content-type'] ?? '').startsWith('application/json')) {
          return send(res, 415, fail('INVALID_INPUT', '请求须为 JSON'));
        }
        let body: unknown;
        try {
          const text = await readBody(req);
          body = text.length === 0 ? {} : JSON.parse(text);
        } catch (e) {
          if (e instanceof BodyTooLarge) {
            res.setHeader('Connection', 'close');
            return send(
              res,
              413,
              fail('INVALID_INPUT', `请求内容过大（上限 ${MAX_BODY / 1024 / 1024} MB），导入的文件请拆分后分批导入`),
            );
          }
          return send(res, 400, fail('INVALID_INPUT', '请求内容不是有效的 JSON'));
        }
        const auth = req.headers.authorization;
        const token = auth?.startsWith('Bearer ') ? auth.slice(7) : undefined;
        const result = await dispatch(app, decodeURIComponent(url.slice(5)), body, token);
        return send(res, 200, result);
      }
      if (options.staticDir && (req.method === 'GET' || req.method === 'HEAD'))
        return serveStatic(options.staticDir, url, res, req.method === 'HEAD');
      res.writeHead(404, securityHeaders).end();
    })().catch((e: unknown) => {
      if (!res.headersSent) send(res, 500, fail('INTERNAL', `系统内部错误：${(e as Error).message}`));
    });
  });
  return server;
}

export function listen(server: Server, host: string, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve((server.address() as { port: number }).port));
  });
}
