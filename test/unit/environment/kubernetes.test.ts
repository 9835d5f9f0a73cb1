import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { resolveTarget } from '../../../src/core/environment/resolve';
import { command, materializeFixtures, options } from './fixture';

const fx = materializeFixtures();
after(fx.cleanup);
const cwd = () => fx.workspace('plain');

test('kubectl: current-context of ~/.kube/config, with its cluster and namespace', () => {
  const t = resolveTarget(command('kubectl delete namespace payments', cwd()), options(fx.home));
  assert.equal(t.environment, 'production');
  assert.equal(t.name, 'prod-eu');
  assert.match(t.resource!, /cluster gke_acme_prod-eu \(https:\/\/35\.0\.0\.10\), namespace payments/);
  assert.equal(t.evidence[0]!.source, 'current-context in ~/.kube/config');
});

test('kubectl: --context beats current-context', () => {
  const t = resolveTarget(command('kubectl --context kind-dev delete pod x', cwd()), options(fx.home));
  assert.equal(t.environment, 'development');
  assert.equal(t.name, 'kind-dev');
  assert.deepEqual(t.evidence[0], { source: '--context', value: 'kind-dev' });
});

test('kubectl: a context whose name says nothing is classified by its cluster', () => {
  const t = resolveTarget(command('kubectl --context shop delete deploy api', cwd()), options(fx.home));
  assert.equal(t.environment, 'production');
  assert.ok(t.evidence.some((e) => e.source === 'classified by' && /gke_acme_prod-eu/.test(e.value)));
});

test('kubectl: --namespace beats the context namespace and can make it production', () => {
  const t = resolveTarget(command('kubectl --context kind-dev -n production delete pvc data', cwd()), options(fx.home));
  assert.equal(t.environment, 'production');
  assert.match(t.resource!, /namespace production/);
});

test('KUBECONFIG with several files: the first file to set current-context wins, contexts merge first-wins', () => {
  const env = { KUBECONFIG: [join(fx.home, '.kube', 'staging.yaml'), join(fx.home, '.kube', 'config')].join(':') };
  const t = resolveTarget(command('kubectl delete ns web', cwd()), options(fx.home, env));
  assert.equal(t.name, 'staging-us');
  assert.equal(t.environment, 'staging');
  // prod-eu is defined in both files: the first (staging.yaml) wins and points at the staging cluster.
  const p = resolveTarget(command('kubectl --context prod-eu delete ns web', cwd()), options(fx.home, env));
  assert.match(p.resource!, /cluster staging-us/);
  assert.equal(p.environment, 'production', 'the context name still says prod');
});

test("KUBECONFIG from the command's own assignment beats the process env; --kubeconfig beats both", () => {
  const staging = join(fx.home, '.kube', 'staging.yaml');
  const t = resolveTarget(command('kubectl delete ns web', cwd(), { KUBECONFIG: staging }), options(fx.home, { KUBECONFIG: join(fx.home, '.kube', 'config') }));
  assert.equal(t.name, 'staging-us');
  const k = resolveTarget(
    command(['kubectl', '--kubeconfig', join(fx.home, '.kube', 'config'), 'delete', 'ns', 'x'], cwd(), { KUBECONFIG: staging }),
    options(fx.home),
  );
  assert.equal(k.name, 'prod-eu');
});

test("helm: --kube-context and HELM_KUBECONTEXT / HELM_NAMESPACE, not kubectl's --context", () => {
  const a = resolveTarget(command('helm uninstall api --kube-context kind-dev', cwd()), options(fx.home));
  assert.equal(a.name, 'kind-dev');
  assert.equal(a.environment, 'development');
  const b = resolveTarget(command('helm uninstall api', cwd()), options(fx.home, { HELM_KUBECONTEXT: 'kind-dev', HELM_NAMESPACE: 'tools' }));
  assert.equal(b.name, 'kind-dev');
  assert.match(b.resource!, /namespace tools/);
  const c = resolveTarget(command('helm uninstall api', cwd()), options(fx.home));
  assert.equal(c.name, 'prod-eu');
});

test('a kubeconfig without current-context is unknown and says why', () => {
  const t = resolveTarget(command(['kubectl', '--kubeconfig', join(fx.home, '.kube', 'no-current.yaml'), 'delete', 'ns', 'x'], cwd()), options(fx.home));
  assert.equal(t.environment, 'unknown');
  assert.ok(t.evidence.some((e) => /no current-context/.test(e.value)));
});

test('a malformed kubeconfig is unknown with the reason, never a throw', () => {
  const t = resolveTarget(command(['kubectl', '--kubeconfig', join(fx.home, '.kube', 'broken.yaml'), 'delete', 'ns', 'x'], cwd()), options(fx.home));
  assert.equal(t.environment, 'unknown');
  assert.ok(
    t.evidence.some((e) => e.source.endsWith('broken.yaml') && /cannot be parsed/.test(e.value)),
    JSON.stringify(t.evidence),
  );
});

test('no HOME: kubeconfig not read, unknown, and the evidence says HOME is missing', () => {
  const t = resolveTarget(command('kubectl delete ns x', cwd()), options(null));
  assert.equal(t.environment, 'unknown');
  assert.ok(t.evidence.some((e) => e.source === 'HOME' && /not set/.test(e.value)));
});
