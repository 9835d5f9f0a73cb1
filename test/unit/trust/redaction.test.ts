// Issue 11, "no full secret anywhere, and no ordinary word hidden": credentials in `-u`, in
// Basic/Bearer headers (also inside `$(…)`), in URL userinfo, in comments and alone never reach
// check, check --json, explain or the activity log whole; ordinary words are never hidden.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { redactText } from '../../../src/core/redact';
import { assertNoLeak, cli, readTree, SECRETS, sandbox } from '../principles/harness';

const S = SECRETS.stripe;
const G = SECRETS.github;
/** A generated value no detector knows by format: only its shape gives it away. */
const RANDOM = 'Zq8xVb2NmL4kPw7RtY3sJd9FhQ';

const ATTACK_LINES = [
  // The three shapes...
  `curl -u ${RANDOM}: -X DELETE https://api.example.com/v1/projects/p1`,
  `curl -X DELETE -H "Authorization: Bearer $(echo ${RANDOM})" https://api.example.com/v1/projects/p1`,
  `railway volume delete vol_prod # token ${RANDOM}`,
  // ...and other spellings of each.
  `curl --user=${RANDOM} -X DELETE https://api.example.com/v1/projects/p1`,
  `curl -u${RANDOM}: -X DELETE https://api.example.com/v1/projects/p1`,
  `curl -X DELETE -H "Authorization: Bearer \`printf %s ${RANDOM}\`" https://api.example.com/v1/projects/p1`,
  `curl -X DELETE -H 'authorization: basic ${RANDOM}' https://api.example.com/v1/projects/p1`,
  `git push https://${RANDOM}@github.com/acme/app.git +main`,
  `git push https://bot:${RANDOM}@github.com/acme/app.git +main`,
  `railway volume delete vol_prod  # password is ${RANDOM}`,
  `railway volume delete vol_prod; echo ${RANDOM}`,
  `curl -u ${S}: -X DELETE https://api.stripe.com/v1/customers/cus_1`,
  `curl -X DELETE -H "Authorization: Bearer $(echo ${G})" https://api.github.com/repos/acme/app`,
];

function assertHidden(output: string, where: string): void {
  assertNoLeak(output, where);
  for (let i = 0; i + 6 <= RANDOM.length; i++) assert.ok(!output.includes(RANDOM.slice(i, i + 6)), `${where} shows part of the token: ${output.slice(0, 600)}`);
}

describe('redactText hides credentials in every shape', () => {
  for (const line of ATTACK_LINES) test(line.slice(0, 70), () => assertHidden(redactText(line), 'redactText'));
});

describe('redactText never hides ordinary words', () => {
  for (const text of [
    'API key: see docs',
    'Project token: the environment of one project',
    '`.env` would show .env',
    'Token: would show .env',
    'The token rotation is handled by the platform team',
    'Bearer tokens are described below',
    'git checkout 3f9a2c1d8e7b6a5f4e3d2c1b0a9f8e7d6c5b4a39',
    'cat src/components/UserProfileCard2Component.tsx',
    'curl -H "Authorization: Bearer $GITHUB_TOKEN" https://api.github.com',
    'password: required',
    'secret: not set',
    'terraform destroy -auto-approve',
    'sort -u names.txt && ps -ux && tar -uf backup.tar notes',
    'curl -u admin: https://localhost:8080/health',
    'kubectl delete pod web-7d4b9c8f6d-x2x9z-0001 -n prod',
    'docker pull ghcr.io/acme/api@sha256:3f9a2c1d8e7b6a5f4e3d2c1b0a9f8e7d6c5b4a393f9a2c1d8e7b6a5f4e3d2c1b',
  ])
    test(text, () => assert.equal(redactText(text), text));
});

test('redacting twice changes nothing: a preview is never hidden again', () => {
  for (const line of ATTACK_LINES) {
    const once = redactText(line);
    assert.equal(redactText(once), once, line);
  }
});

test('check, check --json and explain print none of them whole', async () => {
  const w = sandbox();
  try {
    for (const line of ATTACK_LINES) {
      for (const args of [
        ['check', '--', line],
        ['check', '--json', '--', line],
        ['explain', '--', line],
      ]) {
        const r = await cli(args, { cwd: w.ws, env: w.env });
        assertHidden(r.stdout + r.stderr, `airlock ${args.slice(0, 2).join(' ')} "${line.slice(0, 50)}"`);
      }
    }
  } finally {
    w.dispose();
  }
});

test('the activity log stores none of them whole', async () => {
  const w = sandbox();
  try {
    for (const line of ATTACK_LINES) {
      await cli(['hook', 'claude'], {
        cwd: w.ws,
        env: w.env,
        stdin: JSON.stringify({ session_id: 's1', hook_event_name: 'PreToolUse', tool_name: 'Bash', tool_input: { command: line }, cwd: w.ws }),
      });
    }
    const stored = readTree(w.state);
    assert.ok(stored.length > 0, 'the hook logged its decisions');
    assertHidden(stored, 'the activity log');
  } finally {
    w.dispose();
  }
});
