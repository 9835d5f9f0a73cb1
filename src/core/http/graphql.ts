import type { DocumentNode, FieldNode, FragmentDefinitionNode, SelectionSetNode, ValueNode } from 'graphql/language/ast';
import { Kind } from 'graphql/language/kinds';
import { parse } from 'graphql/language/parser';

/**
 * GraphQL in a request body, and the destructive mutations in it. Railway's `volumeDelete`
 * is the motivating case, but any API's `deleteX`, `xDestroy`, `purge_y` counts, on any host:
 * what a mutation does is in its field names, not in where it is sent.
 */

export interface GraphqlFinding {
  /** Top-level mutation fields whose names delete, destroy, drop..., with their arguments: `volumeDelete(volumeId: "v-1")`. */
  destructiveFields: string[];
  /** Documents that were GraphQL-shaped but did not parse. */
  unparsed: string[];
  /** How many GraphQL documents the body held. */
  documents: number;
}

const DESTRUCTIVE_WORD = /^(delete|destroy|drop|remove|purge|wipe|reset|truncate|terminate|revoke|erase)(s|d|ed|all|many|one|ion|ions)?$/;
const DESTRUCTIVE_NOUNS = new Set(['deletion', 'removal', 'destruction', 'termination', 'revocation', 'truncation', 'erasure']);
/** Caps the parser's work on adversarial bodies; real documents are far smaller. */
const MAX_TOKENS = 20_000;
const OPERATION_START = /^\s*(#[^\n]*\n\s*)*(query|mutation|subscription|fragment)\b/;
/** How a GraphQL document starts: an operation keyword or the `{ ... }` query shorthand. */
const GRAPHQL_START = /^\s*(#[^\n]*\n\s*)*((query|mutation|subscription|fragment)\b|\{)/;

/** True when a GraphQL field name says it destroys something: `volumeDelete`, `delete_users`, `purgeCache`. */
export function isDestructiveFieldName(name: string): boolean {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/);
  return words.some((w) => DESTRUCTIVE_WORD.test(w) || DESTRUCTIVE_NOUNS.has(w));
}

/**
 * The GraphQL documents in a body: a JSON `{"query": ...}` object or a batched array of them,
 * form-encoded `query=...`, or the raw document. `looksGraphql` is set when the body has the
 * shape of a GraphQL request even if its document cannot be read.
 */
export interface GraphqlDocument {
  query: string;
  variables?: Record<string, unknown>;
}

export function graphqlDocuments(body: string): { documents: GraphqlDocument[]; looksGraphql: boolean } {
  const text = body.trim();
  if (!text) return { documents: [], looksGraphql: false };
  if (text[0] === '{' || text[0] === '[') {
    const json = parseJson(text);
    if (json !== undefined) {
      const documents: GraphqlDocument[] = [];
      for (const item of Array.isArray(json) ? json : [json]) {
        if (item && typeof item === 'object' && !Array.isArray(item)) {
          const { query, variables } = item as Record<string, unknown>;
          // A search API's `{"query": "phone"}` or a SQL API's `{"query": "SELECT 1"}` is not GraphQL.
          if (typeof query === 'string' && GRAPHQL_START.test(query)) documents.push({ query, ...(isRecord(variables) ? { variables } : {}) });
        }
      }
      return { documents, looksGraphql: documents.length > 0 };
    }
    // Not JSON: a raw document using the `{ field }` query shorthand, or broken JSON.
    if (text[0] === '{' && !/^\{\s*"/.test(text)) return { documents: [{ query: text }], looksGraphql: true };
    return { documents: [], looksGraphql: /"(query|mutation)"\s*:/.test(text) };
  }
  if (/^(query|operationName|variables)=/.test(text) || /&query=/.test(text)) {
    const params = new URLSearchParams(text);
    const query = params.get('query');
    const variables = parseJson(params.get('variables') ?? '');
    if (query === null) return { documents: [], looksGraphql: params.has('variables') || params.has('operationName') };
    if (!GRAPHQL_START.test(query)) return { documents: [], looksGraphql: false }; // ClickHouse's `?query=SELECT ...`
    return { documents: [{ query, ...(isRecord(variables) ? { variables } : {}) }], looksGraphql: true };
  }
  if (OPERATION_START.test(text)) return { documents: [{ query: text }], looksGraphql: true };
  return { documents: [], looksGraphql: false };
}

export function analyseGraphqlBody(body: string): GraphqlFinding {
  const { documents, looksGraphql } = graphqlDocuments(body);
  const finding: GraphqlFinding = { destructiveFields: [], unparsed: [], documents: documents.length };
  if (looksGraphql && documents.length === 0) finding.unparsed.push(body);
  for (const document of documents) {
    const fields = destructiveMutationFields(document.query, document.variables);
    if (fields === undefined) finding.unparsed.push(document.query);
    else finding.destructiveFields.push(...fields);
  }
  return finding;
}

/** Destructive top-level mutation fields of a document, or undefined when it does not parse. */
export function destructiveMutationFields(source: string, variables: Record<string, unknown> = {}): string[] | undefined {
  let document: DocumentNode;
  try {
    document = parse(source, { noLocation: true, maxTokens: MAX_TOKENS });
  } catch {
    return undefined;
  }
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const def of document.definitions) if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
  const found: string[] = [];
  for (const def of document.definitions) {
    if (def.kind === Kind.OPERATION_DEFINITION && def.operation === 'mutation') {
      for (const field of topLevelFields(def.selectionSet, fragments, new Set())) {
        if (isDestructiveFieldName(field.name.value)) found.push(describeField(field, variables));
      }
    }
  }
  return found;
}

function topLevelFields(set: SelectionSetNode, fragments: Map<string, FragmentDefinitionNode>, seen: Set<string>): FieldNode[] {
  const names: FieldNode[] = [];
  for (const selection of set.selections) {
    if (selection.kind === Kind.FIELD) names.push(selection);
    else if (selection.kind === Kind.INLINE_FRAGMENT) names.push(...topLevelFields(selection.selectionSet, fragments, seen));
    else if (selection.kind === Kind.FRAGMENT_SPREAD && !seen.has(selection.name.value)) {
      seen.add(selection.name.value);
      const fragment = fragments.get(selection.name.value);
      if (fragment) names.push(...topLevelFields(fragment.selectionSet, fragments, seen));
    }
  }
  return names;
}

/**
 * For text that mentions `mutation` but is not a whole document (a string built by
 * concatenation in a script): the destructive names called after the `mutation` keyword.
 */
export function looseDestructiveMutationFields(text: string): string[] {
  const at = text.search(/\bmutation\b/);
  if (at < 0) return [];
  const found: string[] = [];
  // One identifier at a time, then a look at what follows: linear even on adversarial text.
  const name = /[_A-Za-z][_0-9A-Za-z]*/g;
  name.lastIndex = at;
  for (let m = name.exec(text); m; m = name.exec(text)) {
    let k = name.lastIndex;
    while (k < text.length && /\s/.test(text[k]!)) k++;
    if ((text[k] === '(' || text[k] === '{') && isDestructiveFieldName(m[0])) found.push(m[0]);
    name.lastIndex = Math.max(k, name.lastIndex);
  }
  return found;
}

/** `volumeDelete(volumeId: "v-1")`, with variables filled in where the body gives them. */
function describeField(field: FieldNode, variables: Record<string, unknown>): string {
  let args: string[];
  try {
    args = (field.arguments ?? []).map((a) => `${a.name.value}: ${describeValue(a.value, variables)}`);
  } catch {
    args = ['...']; // pathologically deep arguments: the name alone says enough
  }
  const text = `${field.name.value}${args.length ? `(${args.join(', ')})` : ''}`;
  return text.length > 160 ? `${text.slice(0, 157)}...` : text;
}

function describeValue(value: ValueNode, variables: Record<string, unknown>): string {
  switch (value.kind) {
    case Kind.VARIABLE: {
      const bound = variables[value.name.value];
      return bound === undefined ? `$${value.name.value}` : JSON.stringify(bound);
    }
    case Kind.STRING:
      return JSON.stringify(value.value);
    case Kind.INT:
    case Kind.FLOAT:
    case Kind.ENUM:
      return value.value;
    case Kind.BOOLEAN:
      return String(value.value);
    case Kind.NULL:
      return 'null';
    case Kind.LIST:
      return `[${value.values.map((v) => describeValue(v, variables)).join(', ')}]`;
    case Kind.OBJECT:
      return `{${value.fields.map((f) => `${f.name.value}: ${describeValue(f.value, variables)}`).join(', ')}}`;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
