import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ActivityEvent } from '../../../src/core/events';
import { ActivityLog, type ActivityLogOptions } from '../../../src/core/log/activity-log';
import { completeEvent } from '../../../src/core/log/event-factory';

export function tempDir(prefix = 'airlock-log-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export function sampleEvent(n: number, overrides: Partial<ActivityEvent> = {}): ActivityEvent {
  return completeEvent({
    kind: 'decision',
    actor: 'claude',
    session: 's-1',
    command: `echo ${n}`,
    cwd: '/work/demo',
    decision: n % 3 === 0 ? 'deny' : 'allow',
    decidedBy: 'rules',
    ...overrides,
  });
}

export async function logWith(count: number, options: ActivityLogOptions = {}): Promise<ActivityLog> {
  const log = new ActivityLog(tempDir(), options);
  for (let i = 1; i <= count; i++) await log.append(sampleEvent(i));
  return log;
}

export function lines(path: string): string[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.length > 0);
}

export function writeLines(path: string, list: string[]): void {
  writeFileSync(path, list.map((l) => `${l}\n`).join(''));
}
