import { parseOptions } from '../../argv';
import { fileBody, type HttpBody, type HttpRequest, type RequestInput } from '../request';

const GH_API_VALUED = [
  '-X',
  '--method',
  '-f',
  '--raw-field',
  '-F',
  '--field',
  '-H',
  '--header',
  '--input',
  '-q',
  '--jq',
  '-t',
  '--template',
  '--hostname',
  '-p',
  '--preview',
  '--cache',
];

/** `gh api ENDPOINT`: GitHub's REST or GraphQL API with the user's own token. */
export function readGhApiRequests(input: RequestInput): HttpRequest[] {
  if (input.args[0] !== 'api') return [];
  const parsed = parseOptions(input.args.slice(1), { valued: GH_API_VALUED });
  const endpoint = parsed.positionals[0];
  if (!endpoint) return [];
  const host = parsed.options.filter((o) => o.name === '--hostname').pop()?.value ?? 'github.com';
  const apiHost = host === 'github.com' ? 'api.github.com' : `${host}/api/v3`;
  const graphql = endpoint === 'graphql';
  const url = /^https?:\/\//.test(endpoint)
    ? endpoint
    : graphql
      ? `https://${apiHost.replace('/api/v3', '/api')}/graphql`
      : `https://${apiHost}/${endpoint.replace(/^\//, '')}`;
  let method: string | undefined;
  const fields: Record<string, unknown> = {};
  const bodies: HttpBody[] = [];
  for (const { name, value } of parsed.options) {
    if (value === undefined) continue;
    if (name === '-X' || name === '--method') method = value.toUpperCase();
    else if (name === '--input') bodies.push(fileBody(input, value, '--input'));
    else if (name === '-f' || name === '--raw-field' || name === '-F' || name === '--field') {
      const eq = value.indexOf('=');
      const key = eq >= 0 ? value.slice(0, eq) : value;
      const raw = eq >= 0 ? value.slice(eq + 1) : '';
      if ((name === '-F' || name === '--field') && raw.startsWith('@')) {
        const body = fileBody(input, raw.slice(1), `${name} ${key}=`);
        if (body.kind === 'text') fields[key] = body.text;
        else bodies.push(body);
      } else fields[key] = raw;
    }
  }
  if (Object.keys(fields).length) {
    const { query, ...variables } = fields;
    bodies.push({ kind: 'text', text: JSON.stringify(graphql ? { query, variables } : fields), from: 'fields' });
  }
  return [{ method: method ?? (bodies.length ? 'POST' : 'GET'), urls: [url], bodies, ...(graphql ? { graphql } : {}) }];
}
