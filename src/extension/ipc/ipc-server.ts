import { randomBytes, timingSafeEqual } from 'node:crypto';
import { chmodSync, unlinkSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { answerMessage, NONCE_HEADER, SIGNATURE_HEADER } from '../../core/ipc/auth';
import { ensurePrivateDir, runtimeDir, socketPath } from '../../core/ipc/paths';
import { SECRET_HEADER } from '../../core/ipc/protocol';
import type { EditorIdentity } from './editor-identity';

/**
 * The window's end of the hook/shim protocol, after VS Code's git extension (ipc/ipcServer.ts):
 * an HTTP server on a Unix socket (a named pipe on Windows) with handlers routed by path and
 * JSON bodies. Unlike git's, the socket is 0600 in a 0700 folder and every request must carry
 * the window's secret. Every answer is signed with the editor's key over the caller's nonce and
 * request (core/ipc/auth.ts), so a hook can tell it from an impostor's. No vscode import: unit
 * tests run it in plain Node.
 */
export interface IpcHandler {
  handle(body: unknown): Promise<unknown>;
}

/** A request the handler rejects as malformed: answered 400 with the message. */
export class BadRequest extends Error {}

const MAX_BODY_BYTES = 1024 * 1024;

export class IpcServer {
  private readonly handlers = new Map<string, IpcHandler>();
  private disposed = false;

  private constructor(
    private readonly server: Server,
    readonly socket: string,
    readonly secret: string,
    private readonly identity: EditorIdentity,
  ) {
    server.on('request', (req, res) => this.onRequest(req, res));
  }

  static async create(identity: EditorIdentity, env: NodeJS.ProcessEnv = process.env): Promise<IpcServer> {
    if (process.platform !== 'win32') ensurePrivateDir(runtimeDir(env));
    const id = randomBytes(8).toString('hex');
    const secret = randomBytes(32).toString('hex');
    const path = socketPath(id, env);
    const server = createServer();
    server.keepAliveTimeout = 1000;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(path, () => {
        server.off('error', reject);
        resolve();
      });
    });
    if (process.platform !== 'win32') chmodSync(path, 0o600);
    return new IpcServer(server, path, secret, identity);
  }

  registerHandler(route: string, handler: IpcHandler): { dispose(): void } {
    this.handlers.set(route, handler);
    return {
      dispose: () => {
        this.handlers.delete(route);
      },
    };
  }

  private authorised(req: IncomingMessage): boolean {
    const given = req.headers[SECRET_HEADER];
    if (typeof given !== 'string') return false;
    const a = Buffer.from(given);
    const b = Buffer.from(this.secret);
    return a.length === b.length && timingSafeEqual(a, b);
  }

  private onRequest(req: IncomingMessage, res: ServerResponse): void {
    const route = (req.url ?? '').split('?')[0]!;
    const nonce = req.headers[NONCE_HEADER];
    let requestBody = Buffer.alloc(0);
    const reply = (status: number, body: unknown) => {
      if (res.headersSent) return;
      const text = JSON.stringify(body);
      const headers: Record<string, string | number> = { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) };
      if (status === 200 && typeof nonce === 'string' && nonce.length <= 128) {
        headers[SIGNATURE_HEADER] = this.identity.sign(answerMessage(nonce, route, requestBody, text));
      }
      res.writeHead(status, headers);
      res.end(text);
    };
    if (!this.authorised(req)) {
      req.resume();
      reply(401, { error: 'missing or wrong secret' });
      return;
    }
    if (req.method !== 'POST') {
      req.resume();
      reply(405, { error: 'POST only' });
      return;
    }
    const handler = this.handlers.get(route);
    if (!handler) {
      req.resume();
      reply(404, { error: `no route ${req.url}` });
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reply(413, { error: 'request too large' });
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (size > MAX_BODY_BYTES) return;
      let body: unknown;
      requestBody = Buffer.concat(chunks);
      try {
        const text = requestBody.toString('utf8');
        body = text.trim() === '' ? {} : JSON.parse(text);
      } catch {
        return reply(400, { error: 'body is not JSON' });
      }
      handler.handle(body).then(
        (result) => reply(200, result ?? {}),
        (error) => reply(error instanceof BadRequest ? 400 : 500, { error: error instanceof BadRequest ? error.message : 'internal error' }),
      );
    });
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.handlers.clear();
    this.server.close();
    this.server.closeAllConnections?.();
    if (process.platform !== 'win32') {
      try {
        unlinkSync(this.socket);
      } catch {
        /* already gone */
      }
    }
  }
}
