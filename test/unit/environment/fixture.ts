import { cpSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EnvironmentOptions } from '../../../src/core/environment/context';
import { FileCache } from '../../../src/core/environment/files';
import type { SimpleCommand } from '../../../src/core/shell/command';

const SOURCE = join(__dirname, '..', '..', 'fixtures', 'environment');

/**
 * Copies test/fixtures/environment to a temporary directory so absolute paths can be written
 * into it: `@ROOT@` in any file becomes the copy's path, `dot-git` folders become `.git` (a
 * real `.git` cannot be committed inside the repository).
 */
export function materializeFixtures(): { root: string; home: string; workspace: (name: string) => string; cleanup: () => void } {
  const root = mkdtempSync(join(tmpdir(), 'airlock-env-'));
  cpSync(SOURCE, root, { recursive: true });
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) {
        walk(path);
        if (name === 'dot-git') renameSync(path, join(dir, '.git'));
      } else {
        const text = readFileSync(path);
        if (text.includes('@ROOT@')) writeFileSync(path, text.toString('utf8').replaceAll('@ROOT@', root));
      }
    }
  };
  walk(root);
  return {
    root,
    home: join(root, 'home'),
    workspace: (name) => join(root, 'workspaces', name),
    cleanup: () => rmSync(root, { recursive: true, force: true }),
  };
}

/** A SimpleCommand as the guard engine would hand it over. */
export function command(line: string | string[], cwd: string, assignments: Record<string, string> = {}): SimpleCommand {
  const argv = Array.isArray(line) ? line : line.split(' ');
  return { argv, written: argv[0]!, assignments, segment: argv.join(' '), cwd, via: [] };
}

/** Options with a fake HOME and an explicit, empty-by-default process env: tests never read the real ones. */
export function options(home: string | null, env: Record<string, string> = {}, extra: Partial<EnvironmentOptions> = {}): EnvironmentOptions {
  return { env, home, cache: new FileCache(), ...extra };
}
