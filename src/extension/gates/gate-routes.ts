import { PROTOCOL_VERSION, ROUTES } from '../../core/ipc/protocol';
import type { IpcServer } from '../ipc/ipc-server';
import type { GateService } from './gate-service';

/** The whole protocol surface. None of these routes can produce allow without the person. */
export function registerGateRoutes(server: IpcServer, service: GateService, identity: { version: string; window: string }): Array<{ dispose(): void }> {
  return [
    server.registerHandler(ROUTES.status, {
      handle: async () => ({ ok: true, protocol: PROTOCOL_VERSION, version: identity.version, window: identity.window }),
    }),
    server.registerHandler(ROUTES.confirm, { handle: (body) => service.confirm(body) }),
    server.registerHandler(ROUTES.report, { handle: (body) => service.report(body) }),
    server.registerHandler(ROUTES.alert, { handle: (body) => service.alert(body) }),
  ];
}
