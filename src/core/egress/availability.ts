import { spawnSync } from 'node:child_process';
import { accessSync, constants, readFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/**
 * Whether the egress sandbox can start on this machine, and if not, the exact fix. Used by
 * `airlock run` (which refuses to run unprotected), the hooks (which then leave commands to the
 * text gate) and the Protection view (which shows the layer red with the fix).
 */
export type SandboxAvailability = { available: true; platform: NodeJS.Platform } | { available: false; problem: string; fix: string };

export interface AvailabilityProbe {
  platform: NodeJS.Platform;
  /** True when the program is on PATH. */
  has: (program: string) => boolean;
  /** Runs bubblewrap with a throwaway user and network namespace; the error text when it fails. */
  tryNamespaces: () => string | undefined;
  readSysctl: (path: string) => string | undefined;
}

export const realProbe: AvailabilityProbe = {
  platform: process.platform,
  has: (program) =>
    (process.env.PATH ?? '').split(delimiter).some((dir) => {
      try {
        accessSync(join(dir || '.', program), constants.X_OK);
        return true;
      } catch {
        return false;
      }
    }),
  tryNamespaces: () => {
    const r = spawnSync('bwrap', ['--unshare-user', '--unshare-net', '--die-with-parent', '--ro-bind', '/', '/', 'true'], { encoding: 'utf8', timeout: 5000 });
    if (r.error) return r.error.message;
    return r.status === 0 ? undefined : (r.stderr || `bwrap exited ${r.status}`).trim().split('\n')[0];
  },
  readSysctl: (path) => {
    try {
      return readFileSync(path, 'utf8').trim();
    } catch {
      return undefined;
    }
  },
};

const APT = (pkg: string) => `install ${pkg}: sudo apt-get install -y ${pkg} (Fedora: sudo dnf install ${pkg}; Arch: sudo pacman -S ${pkg})`;

export function checkSandbox(probe: AvailabilityProbe = realProbe): SandboxAvailability {
  if (probe.platform === 'darwin') {
    return probe.has('rg')
      ? { available: true, platform: 'darwin' }
      : { available: false, problem: 'ripgrep (rg) is not installed', fix: 'install ripgrep: brew install ripgrep' };
  }
  if (probe.platform !== 'linux') {
    return {
      available: false,
      problem: `the egress sandbox does not run on ${probe.platform} yet`,
      fix: 'run the agent inside WSL 2 (Linux), where bubblewrap is available',
    };
  }
  for (const [program, pkg] of [
    ['bwrap', 'bubblewrap'],
    ['socat', 'socat'],
    ['rg', 'ripgrep'],
  ] as const) {
    if (!probe.has(program)) return { available: false, problem: `${pkg} (${program}) is not installed`, fix: APT(pkg) };
  }
  const failure = probe.tryNamespaces();
  if (failure === undefined) return { available: true, platform: 'linux' };
  const problem = `bubblewrap cannot create user namespaces (${failure.slice(0, 160)})`;
  if (probe.readSysctl('/proc/sys/kernel/apparmor_restrict_unprivileged_userns') === '1') {
    return {
      available: false,
      problem,
      fix: 'allow unprivileged user namespaces: sudo sysctl -w kernel.apparmor_restrict_unprivileged_userns=0 (persist it in /etc/sysctl.d/)',
    };
  }
  if (probe.readSysctl('/proc/sys/kernel/unprivileged_userns_clone') === '0') {
    return {
      available: false,
      problem,
      fix: 'allow unprivileged user namespaces: sudo sysctl -w kernel.unprivileged_userns_clone=1 (persist it in /etc/sysctl.d/)',
    };
  }
  if (probe.readSysctl('/proc/sys/user/max_user_namespaces') === '0') {
    return { available: false, problem, fix: 'allow user namespaces: sudo sysctl -w user.max_user_namespaces=15000 (persist it in /etc/sysctl.d/)' };
  }
  return {
    available: false,
    problem,
    fix: 'inside a container, start it with user namespaces allowed (e.g. docker run --security-opt seccomp=unconfined --security-opt apparmor=unconfined), or run the agent on the host',
  };
}
