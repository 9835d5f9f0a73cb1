/**
 * What a package manager reads besides the scripts themselves: the workspaces a command runs in
 * (`npm run x --workspaces`, `-w sub`, `npm_config_workspace=sub`, `pnpm -r`, `yarn workspaces
 * foreach`) and the shell that runs every script (`.npmrc` `script-shell=./tools/sh`,
 * `npm_config_script_shell`). Pure: files are read through the callbacks given.
 */
import { join } from 'node:path';
import { parse as parseIni } from 'ini';
import { minimatch } from 'minimatch';
import { parse as parseYaml } from 'yaml';
import type { WorkspaceSelection } from './unwrap';

export interface PackageFiles {
  read(path: string): string | undefined;
  /** Entry names of a folder; undefined when it cannot be listed. */
  list(path: string): string[] | undefined;
}

/** Workspace folders (absolute), or a reason they cannot be known. */
export type Workspaces = { dirs: string[] } | { unknown: string };

/** Glob patterns of the root's workspaces: package.json `workspaces` (array or `{ packages }`) or pnpm-workspace.yaml. */
function patterns(root: string, manifest: Record<string, unknown>, files: PackageFiles): string[] | undefined {
  const field = manifest.workspaces;
  const list = Array.isArray(field) ? field : field && typeof field === 'object' ? (field as { packages?: unknown }).packages : undefined;
  if (Array.isArray(list)) return list.filter((p): p is string => typeof p === 'string');
  const pnpm = files.read(join(root, 'pnpm-workspace.yaml'));
  if (pnpm === undefined || pnpm.length > 64 * 1024) return undefined;
  try {
    const packages = (parseYaml(pnpm) as { packages?: unknown } | null)?.packages;
    return Array.isArray(packages) ? packages.filter((p): p is string => typeof p === 'string') : [];
  } catch {
    return undefined;
  }
}

/** Folders matching one pattern: literal segments are followed, `*` lists a folder; `**` is not expanded. */
function expand(root: string, pattern: string, files: PackageFiles): string[] | undefined {
  if (pattern.startsWith('!')) return [];
  const segments = pattern.replace(/^\.\//, '').replace(/\/+$/, '').split('/');
  let dirs = [root];
  for (const segment of segments) {
    if (segment === '**') return undefined;
    if (!/[*?[{]/.test(segment)) {
      dirs = dirs.map((d) => join(d, segment));
      continue;
    }
    const next: string[] = [];
    for (const dir of dirs) {
      const entries = files.list(dir);
      if (entries === undefined) return undefined;
      next.push(...entries.filter((e) => minimatch(e, segment)).map((e) => join(dir, e)));
    }
    dirs = next;
  }
  return dirs;
}

/** The workspace folders `selection` names, resolved from the workspace root's manifest. */
export function workspaceDirs(root: string, manifest: Record<string, unknown>, selection: WorkspaceSelection, files: PackageFiles): Workspaces {
  const globs = patterns(root, manifest, files);
  if (!globs) return { unknown: `${join(root, 'package.json')} lists no workspaces Airlock can read` };
  const all: string[] = [];
  for (const glob of globs) {
    const dirs = expand(root, glob, files);
    if (!dirs) return { unknown: `the workspace pattern ${glob} cannot be listed` };
    all.push(...dirs.filter((d) => !all.includes(d)));
  }
  const negated = globs.filter((g) => g.startsWith('!')).map((g) => g.slice(1).replace(/^\.\//, ''));
  const kept = all.filter((d) => !negated.some((n) => minimatch(d.slice(root.length + 1), n)));
  if (selection === 'all') return { dirs: kept };
  const dirs: string[] = [];
  for (const wanted of selection) {
    // npm's -w takes a folder or a package name.
    const byPath = kept.find((d) => d === join(root, wanted) || d.slice(root.length + 1) === wanted.replace(/^\.\//, '').replace(/\/+$/, ''));
    const byName =
      byPath ??
      kept.find((d) => {
        try {
          return (JSON.parse(files.read(join(d, 'package.json')) ?? '{}') as { name?: unknown }).name === wanted;
        } catch {
          return false;
        }
      });
    if (!byName) return { unknown: `no workspace ${wanted} Airlock can find` };
    dirs.push(byName);
  }
  return { dirs };
}

/** The shell scripts run with, from `.npmrc` text: undefined when it is the default (sh). */
export function scriptShellOf(npmrc: string | undefined): string | undefined {
  if (npmrc === undefined) return undefined;
  try {
    const value = (parseIni(npmrc) as Record<string, unknown>)['script-shell'];
    return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
  } catch {
    return undefined;
  }
}
