import assert from 'node:assert/strict';
import { test } from 'node:test';
import { detectInText } from '../../../src/core/tokens/detect';
import { fakeUuid } from '../../../src/core/tokens/fake';

// One opaque token (a UUID: nothing in its shape says "Railway") in every place people keep it.
const token = fakeUuid();
const b64 = Buffer.from(token).toString('base64');

const formats: Array<[string, string, string]> = [
  ['.env', '.env', `RAILWAY_API_TOKEN=${token}`],
  ['.env quoted with comment', '.env', `RAILWAY_API_TOKEN="${token}" # prod`],
  ['shell export', 'deploy.sh', `export RAILWAY_API_TOKEN=${token}`],
  ['one-shot assignment', 'deploy.sh', `RAILWAY_API_TOKEN=${token} railway up`],
  ['YAML', 'config.yaml', `railway:\n  RAILWAY_API_TOKEN: ${token}`],
  ['YAML quoted', 'config.yml', `RAILWAY_API_TOKEN: '${token}'`],
  ['JSON', 'config.json', `{"env": {"RAILWAY_API_TOKEN": "${token}"}}`],
  ['TOML', 'config.toml', `[env]\nRAILWAY_API_TOKEN = "${token}"`],
  ['Terraform snake_case', 'prod.tfvars', `railway_api_token = "${token}"`],
  ['TF_VAR_ prefix', '.envrc', `export TF_VAR_railway_api_token=${token}`],
  ['camelCase in code', 'deploy.ts', `const railwayApiToken = "${token}";`],
  ['GitHub Actions env', '.github/workflows/deploy.yml', `jobs:\n  deploy:\n    env:\n      RAILWAY_API_TOKEN: ${token}`],
  ['docker compose list', 'docker-compose.yml', `services:\n  api:\n    environment:\n      - RAILWAY_API_TOKEN=${token}`],
  ['Kubernetes Secret (base64)', 'secret.yaml', `apiVersion: v1\nkind: Secret\nmetadata:\n  name: x\ndata:\n  RAILWAY_API_TOKEN: ${b64}`],
  ['Makefile', 'Makefile', `RAILWAY_API_TOKEN := ${token}`],
  ['Dockerfile ENV', 'Dockerfile', `ENV RAILWAY_API_TOKEN=${token}`],
];

for (const [name, file, text] of formats) {
  test(`opaque Railway account token found in ${name}`, () => {
    const findings = detectInText(text, { fileName: file });
    assert.deepEqual(
      findings.map((f) => f.type),
      ['railway-account-token'],
      JSON.stringify(findings.map((f) => f.type)),
    );
    assert.equal(findings[0]!.severity, 'critical');
  });
}

const references: Array<[string, string, string]> = [
  ['shell reference', 'deploy.sh', 'RAILWAY_API_TOKEN=$RAILWAY_API_TOKEN railway up'],
  ['braced reference', '.env', 'RAILWAY_API_TOKEN=${RAILWAY_API_TOKEN}'],
  ['GitHub Actions secret', 'ci.yml', 'RAILWAY_API_TOKEN: ${{ secrets.RAILWAY_API_TOKEN }}'],
  ['process.env', 'a.ts', 'const t = process.env.RAILWAY_API_TOKEN;'],
  ['os.environ', 'a.py', 'RAILWAY_API_TOKEN = os.environ["RAILWAY_API_TOKEN"]'],
  ['Terraform variable', 'main.tf', 'token = var.railway_api_token'],
  ['not a UUID', '.env', 'RAILWAY_API_TOKEN=railway-token-goes-here'],
  ['comparison, not assignment', 'a.ts', `if (RAILWAY_API_TOKEN == "${token}") {}`],
];

for (const [name, file, text] of references) {
  test(`no finding for ${name}`, () => {
    assert.deepEqual(
      detectInText(text, { fileName: file }).map((f) => f.type),
      [],
    );
  });
}

test('positions are 1-based lines and UTF-16 columns of the secret itself', () => {
  const [finding] = detectInText(`# é\nexport RAILWAY_API_TOKEN="${token}"\n`, { fileName: '.env' });
  assert.deepEqual([finding!.line, finding!.column, finding!.endLine, finding!.endColumn], [2, 27, 2, 27 + token.length]);
});

test('name and value in separate keys: Kubernetes env lists, ECS JSON, Terraform variable defaults', () => {
  const cases: Array<[string, string]> = [
    ['deployment.yaml', `spec:\n  containers:\n    - env:\n        - name: RAILWAY_API_TOKEN\n          value: "${token}"\n`],
    ['task.json', `{"environment": [{"name": "RAILWAY_API_TOKEN", "value": "${token}"}]}`],
    ['variables.tf', `variable "railway_api_token" {\n  type    = string\n  default = "${token}"\n}\n`],
  ];
  for (const [file, text] of cases) {
    assert.deepEqual(
      detectInText(text, { fileName: file }).map((f) => f.type),
      ['railway-account-token'],
      file,
    );
  }
  // A reference in the value slot is still not a finding.
  assert.deepEqual(
    detectInText('- name: RAILWAY_API_TOKEN\n  valueFrom:\n    secretKeyRef: {name: railway, key: token}\n', { fileName: 'd.yaml' }).map((f) => f.type),
    [],
  );
});
