import type { AlertRequest, EditedFile } from '../../core/ipc/protocol';
import type { Requester } from '../../core/types';
import { BadRequest } from '../ipc/ipc-server';

const REQUESTERS: Requester[] = ['cursor', 'claude', 'copilot', 'codex', 'gemini', 'windsurf', 'kiro', 'opencode', 'cline', 'terminal', 'cli', 'unknown'];
const MAX_FILES = 20;

function text(value: unknown, name: string, max: number): string {
  if (typeof value !== 'string' || value === '') throw new BadRequest(`${name} must be a non-empty string`);
  if (value.length > max) throw new BadRequest(`${name} is longer than ${max} characters`);
  // A warning line: no control characters from the caller.
  return Array.from(value, (c) => (c.charCodeAt(0) < 32 || c.charCodeAt(0) === 127 ? ' ' : c)).join('');
}

function optional(value: unknown, name: string, max: number): string | undefined {
  return value === undefined || value === null ? undefined : text(value, name, max);
}

/**
 * An alert's body, checked: it only ever makes the editor warn and check its protection again,
 * but what it says is shown to the person, so its shape and sizes are held to the protocol.
 */
export function parseAlertRequest(body: unknown): AlertRequest {
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw new BadRequest('body must be a JSON object');
  const b = body as Record<string, unknown>;
  if (!Array.isArray(b.files) || b.files.length === 0) throw new BadRequest('files must be a non-empty list');
  const files: EditedFile[] = b.files.slice(0, MAX_FILES).map((f, i) => {
    const file = (f ?? {}) as Record<string, unknown>;
    return { path: text(file.path, `files[${i}].path`, 4096), what: text(file.what, `files[${i}].what`, 300) };
  });
  return {
    requester: REQUESTERS.includes(b.requester as Requester) ? (b.requester as Requester) : 'unknown',
    agent: text(b.agent, 'agent', 40),
    event: text(b.event, 'event', 80),
    title: text(b.title, 'title', 600),
    files,
    cwd: text(b.cwd, 'cwd', 4096),
    session: optional(b.session, 'session', 200),
    tool: optional(b.tool, 'tool', 200),
  };
}
