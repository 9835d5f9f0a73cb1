import { ROUTES, type VerifyLogRequest } from '../../core/ipc/protocol';
import type { ChainAnchor, VerifyReport } from '../../core/log/verify';
import { BadRequest, type IpcServer } from './ipc-server';

/**
 * `airlock log --verify` asks the editor, which alone holds the log key (SecretStorage), to
 * check a log's MACs. The answer is signed like every answer (core/ipc/auth.ts), so the CLI can
 * tell it from an impostor's "intact". Read-only: nothing a caller sends changes the log.
 */
export function registerLogVerifyRoute(
  server: IpcServer,
  verifyDir: (dir: string, anchor?: ChainAnchor) => Promise<VerifyReport | undefined>,
): { dispose(): void } {
  return server.registerHandler(ROUTES.verifyLog, {
    async handle(body: unknown) {
      const request = body as Partial<VerifyLogRequest>;
      if (!request || typeof request.dir !== 'string' || request.dir.length > 4096) throw new BadRequest('dir is required');
      const anchor =
        request.anchor && Number.isSafeInteger(request.anchor.seq) && typeof request.anchor.hash === 'string' && /^[0-9a-f]{12,64}$/.test(request.anchor.hash)
          ? { seq: request.anchor.seq, hash: request.anchor.hash }
          : undefined;
      const report = await verifyDir(request.dir, anchor);
      return report ?? { unknown: true };
    },
  });
}
