import type { CheckResult } from '../findings';
import type { Decision, Requester } from '../types';

/**
 * The wire protocol between hook/shim processes and the editor window. HTTP over a private
 * socket, JSON bodies, every request carrying the window's secret in `SECRET_HEADER`.
 *
 * There is deliberately no request that approves anything: `/confirm` asks the person and
 * returns what they answered; nothing a caller sends can turn into "allow" on its own.
 */
export const SECRET_HEADER = 'x-airlock-secret';
/** 2: registry entries and answers are signed by the editor's key (core/ipc/auth.ts). */
export const PROTOCOL_VERSION = 2;

export const ROUTES = {
  /** Liveness and identity: `{ ok, protocol, version, window }`. */
  status: '/status',
  /** Ask the person in the editor. Body `ConfirmRequest`, answer `ConfirmResponse`. */
  confirm: '/confirm',
  /** Report something seen (a hook decision, a shim run) for the log. Body `ReportRequest`. */
  report: '/report',
  /**
   * An agent edited one of Airlock's own files where no hook could stop it (an observe-only
   * event). Body `AlertRequest`, answer `{ ok: true }` at once: the editor warns the person and
   * checks its protection again; nothing waits for the person and nothing is approved.
   */
  alert: '/alert',
  /** Verify a log with the editor's log key (which never leaves the editor). Body `VerifyLogRequest`, answer `VerifyReport` or `{ unknown: true }`. */
  verifyLog: '/log/verify',
} as const;

export interface VerifyLogRequest {
  dir: string;
  anchor?: { seq: number; hash: string };
}

export type GateKind = 'command' | 'read' | 'tool';

export interface ConfirmRequest {
  kind: GateKind;
  requester: Requester;
  /** The command line for `command`, the tool call summary for `tool`. */
  command?: string;
  /** The file path for `read`. */
  file?: string;
  cwd: string;
  /** Why the caller asks (its own assessment), shown when the editor cannot assess it itself. */
  reason?: string;
  session?: string;
  /**
   * The caller's own assessment: it ran with the caller's environment variables (AWS_PROFILE,
   * RAILWAY_ENVIRONMENT...), which the editor's process does not have. The editor assesses again
   * and takes the caller's target only where its own could not tell.
   */
  check?: CheckResult;
  /** Milliseconds the caller will wait; past it the editor answers deny and the modal says expired. */
  timeoutMs: number;
}

export interface ConfirmResponse {
  decision: Extract<Decision, 'allow' | 'deny'>;
  decidedBy: 'person' | 'timeout' | 'rules';
  /** One line for the agent or terminal: why it was blocked (or that a person allowed it). */
  message: string;
  environment?: string | null;
}

export interface ReportRequest {
  requester: Requester;
  kind: GateKind;
  command?: string;
  file?: string;
  cwd?: string;
  decision: Decision;
  decidedBy: 'rules' | 'no-editor' | 'policy';
  reason?: string;
  session?: string;
}

/** One of Airlock's own files an agent changed, and what it is to Airlock. */
export interface EditedFile {
  path: string;
  what: string;
}

export interface AlertRequest {
  requester: Requester;
  /** The hook that saw it (cursor, vscode...) and its event (afterFileEdit, PostToolUse...). */
  agent: string;
  event: string;
  /** One line for the warning: "Cursor edited .cursor/hooks.json, one of Airlock's own files, where Airlock could not stop it". */
  title: string;
  files: EditedFile[];
  cwd: string;
  session?: string;
  tool?: string;
}

/** What a window registers so hook processes can find it. Stored 0600 in the private runtime dir. */
export interface WindowRegistration {
  protocol: number;
  socket: string;
  secret: string;
  pid: number;
  window: string;
  roots: string[];
  app: string;
  updated: string;
  /** The editor's public key (Ed25519, SPKI DER, base64): must be one pinned in editor-keys.json. */
  publicKey: string;
  /** The editor's signature over `registrationMessage` (core/ipc/auth.ts). */
  signature: string;
}
