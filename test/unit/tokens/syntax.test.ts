import assert from 'node:assert/strict';
import { test } from 'node:test';
import { detectInText } from '../../../src/core/tokens/detect';
import { fake } from '../../../src/core/tokens/fake';

const secret = fake(24);
const found = (text: string, fileName: string) => detectInText(text, { fileName }).map((f) => f.preview);

test('NuGet credentials: key/value attributes in either order, on one line or several; the user name is not a secret', () => {
  for (const text of [
    `<add key="ClearTextPassword" value="${secret}" />`,
    `<add value="${secret}" key="ClearTextPassword" />`,
    `<add\n    key="ClearTextPassword"\n    value="${secret}" />`,
    `<add key='Password' value='${secret}'/>`,
  ])
    assert.equal(found(text, 'NuGet.Config').length, 1, text);
  assert.deepEqual(found(`<add key="Username" value="${secret}" />`, 'NuGet.Config'), []);
});

test('XML elements: the closing tag must match, and an element holding other elements is not a value', () => {
  assert.equal(found(`<apiToken>${secret}</apiToken>`, 'settings.xml').length, 1);
  assert.equal(found(`<server>\n  <password>\n    ${secret}\n  </password>\n</server>`, 'settings.xml').length, 1);
  assert.deepEqual(found(`<apiToken>${secret}</other>`, 'settings.xml'), []);
  assert.deepEqual(found('<tokens>\n  <token id="a"/>\n</tokens>', 'settings.xml'), []);
});

test('typed declarations: TS/Kotlin annotations and Go types, not C++ scopes or comparisons', () => {
  assert.equal(found(`const apiToken: string = "${secret}";`, 'a.ts').length, 1);
  assert.equal(found(`val apiToken: String? = "${secret}"`, 'A.kt').length, 1);
  assert.equal(found(`var apiToken string = "${secret}"`, 'main.go').length, 1);
  assert.deepEqual(found(`std::string token = std::getenv("API_TOKEN");`, 'main.cpp'), []);
  assert.deepEqual(found('if token == "" { return }', 'main.go'), []);
});

test('env lines inside JSON strings end at the escaped newline; the name after \\n is not glued to it', () => {
  const text = `{"env": "A=1\\nDEPLOY_TOKEN=${secret}\\nB=2"}`;
  const findings = detectInText(text, { fileName: 'task.json' });
  assert.equal(findings.length, 1);
  assert.equal(findings[0]!.preview, `${secret.slice(0, 4)}…(${secret.length} chars)`);
});

test('YAML blocks: a one-line block is a value, a multi-line block (a certificate, a script) is not read as one', () => {
  assert.equal(found(`api_token: |\n  ${secret}\n`, 'c.yaml').length, 1);
  assert.equal(found(`api_token: >-\n  ${secret}\nnext: 1\n`, 'c.yaml').length, 1);
  assert.deepEqual(found(`api_token_script: |\n  echo one\n  echo two\n`, 'c.yaml'), []);
});

test('calls that set a named value: setProperty, setdefault, put; a call with a variable is not a value', () => {
  assert.equal(found(`System.setProperty("DEPLOY_TOKEN", "${secret}");`, 'App.java').length, 1);
  assert.equal(found(`os.environ.setdefault('DEPLOY_TOKEN', '${secret}')`, 'app.py').length, 1);
  assert.deepEqual(found('System.setProperty("DEPLOY_TOKEN", token);', 'App.java'), []);
});

test('Kubernetes Secrets: .dockercfg, extra and ca.pem keys; stringData; JSON manifests and a quoted kind', () => {
  const b64 = (s: string) => Buffer.from(s).toString('base64');
  const dockercfg = b64(JSON.stringify({ 'registry.acme.io': { username: 'ci', auth: b64(`ci:${secret}`) } }));
  const yaml = `apiVersion: v1\nkind: 'Secret'\nmetadata:\n  name: app\ndata:\n  .dockercfg: ${dockercfg}\n  extra: ${b64(fake(20))}\n  ca.pem: ${b64(fake(28))}\nstringData:\n  notes: ${fake(22)}\n`;
  const types = detectInText(yaml, { fileName: 'secret.yaml' }).map((f) => `${f.line} ${f.type}`);
  assert.deepEqual(types, ['6 docker-config-auth', '7 kubernetes-secret-value', '8 kubernetes-secret-value', '10 kubernetes-secret-value']);
  const json = JSON.stringify({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'app' }, data: { extra: b64(fake(20)) } }, null, 2);
  assert.deepEqual(
    detectInText(json, { fileName: 'secret.json' }).map((f) => f.type),
    ['kubernetes-secret-value'],
  );
  // A ConfigMap holds no secrets by its owner's word (a Secret's public certificate: see the planted look-alikes).
  assert.deepEqual(
    detectInText(yaml.replace("kind: 'Secret'", 'kind: ConfigMap').replace(/stringData:[\s\S]*/, ''), { fileName: 'cm.yaml' }).filter(
      (f) => f.type === 'kubernetes-secret-value',
    ),
    [],
  );
});
