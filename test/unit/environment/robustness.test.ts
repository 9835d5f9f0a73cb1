import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { FileCache } from '../../../src/core/environment/files';
import { resolvableTools, resolveTarget } from '../../../src/core/environment/resolve';
import { command, materializeFixtures } from './fixture';

const fx = materializeFixtures();
after(fx.cleanup);

// Words that trip option parsers: dangling valued flags, `--`, `=` forms, variables, odd bytes, long words.
const WORDS = [
  '-n',
  '--namespace',
  '--context',
  '--kube-context',
  '--kubeconfig',
  '-chdir=',
  '-chdir=../..',
  '--profile',
  '--project',
  '-s',
  '--stack',
  '-e',
  '--environment',
  '-a',
  '--app',
  '-r',
  '--remote',
  '-c',
  '--config',
  '--prod',
  '--target',
  '--db-url',
  '--project-ref',
  '--linked',
  '-h',
  '--host',
  '-d',
  '-p',
  '-u',
  '-H',
  '--volume',
  'volume',
  'delete',
  'destroy',
  'push',
  'reset',
  '--force',
  '--delete',
  'compose',
  'down',
  '-v',
  'rm',
  '-rf',
  '/',
  '.',
  '..',
  '--',
  '-',
  '=',
  '',
  '$X',
  '${Y}',
  '$',
  '${',
  '$(date)',
  'postgres://',
  'postgres://u:p@h:99999/db',
  'mongodb+srv://,,,/x',
  'redis://[::1]:6379',
  'http://',
  'https://%zz',
  'Authorization: Bearer $T',
  'Project-Access-Token: ',
  '{"query":"mutation { volumeDelete(volumeId: \\"',
  'volumeId:"x"',
  'HEAD:',
  '+:',
  ':main',
  'refs/heads/',
  '\u0000',
  '\uFFFD',
  'é',
  '🙂',
  'a'.repeat(5000),
  '-'.repeat(300),
  '~',
  '~/x',
  '/dev/null',
  '/proc/self/fd/0',
  'manage.py',
  'exec',
  'env',
  'rm',
  'run',
];

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

test('every resolver answers random argv without an internal error, quickly', () => {
  const random = rng(42);
  const cache = new FileCache();
  const cwds = [fx.workspace('pocketos'), fx.workspace('git'), fx.workspace('docker'), fx.workspace('plain'), '/nonexistent/dir'];
  let slowest = 0;
  for (const tool of resolvableTools) {
    for (let i = 0; i < 40; i++) {
      const argv = [tool, ...Array.from({ length: Math.floor(random() * 9) }, () => WORDS[Math.floor(random() * WORDS.length)]!)];
      const cwd = cwds[Math.floor(random() * cwds.length)]!;
      const env =
        random() < 0.5
          ? {}
          : { KUBECONFIG: `${fx.home}/.kube/broken.yaml:${fx.home}/.kube/config`, DATABASE_URL: 'postgres://', AWS_PROFILE: '', RAILWAY_TOKEN: 'x' };
      const start = performance.now();
      const target = resolveTarget(command(argv, cwd), { env, home: random() < 0.2 ? null : fx.home, cache, line: argv.join(' ') });
      slowest = Math.max(slowest, performance.now() - start);
      assert.ok(['production', 'staging', 'development', 'unknown'].includes(target.environment));
      const internal = target.evidence.find((e) => e.source === 'airlock' && /could not resolve/.test(e.value));
      assert.equal(internal, undefined, `${JSON.stringify(argv)} in ${cwd}: ${internal?.value}`);
      if (target.environment === 'unknown') assert.ok(target.evidence.length > 0, `unknown without a reason: ${JSON.stringify(argv)}`);
    }
  }
  assert.ok(slowest < 500, `slowest resolution ${slowest.toFixed(1)} ms`);
});
