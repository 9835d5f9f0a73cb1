/**
 * Loads the bash grammar (tree-sitter-bash on web-tree-sitter) once, then parses synchronously.
 *
 * The two WASM files ship beside the bundles (`dist/tree-sitter.wasm`, `dist/tree-sitter-bash.wasm`,
 * copied by esbuild.mjs); when running from source under tsx they come from node_modules.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Parser as ParserType, Tree } from 'web-tree-sitter';

// A require() call, not an import: bundled for the CLI (CommonJS), esbuild must pick the package's
// CommonJS build; its ESM build needs import.meta.url, which a CommonJS bundle does not have.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { Language, Parser } = require('web-tree-sitter') as typeof import('web-tree-sitter');

export type { Node as SyntaxNode, Tree as SyntaxTree } from 'web-tree-sitter';

let parser: ParserType | undefined;
let loading: Promise<ParserType> | undefined;

const RUNTIME_WASM = { bundled: 'tree-sitter.wasm', package: 'web-tree-sitter/web-tree-sitter.wasm' };
const GRAMMAR_WASM = { bundled: 'tree-sitter-bash.wasm', package: 'tree-sitter-bash/tree-sitter-bash.wasm' };

/** Beside the bundle first, then any node_modules above this file (running from source). */
function locate(asset: { bundled: string; package: string }): string {
  const beside = join(__dirname, asset.bundled);
  if (existsSync(beside)) return beside;
  for (let dir = __dirname; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', asset.package);
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) break;
  }
  throw new Error(`Airlock: shell parser asset ${asset.bundled} not found beside ${__dirname} or in node_modules`);
}

/** Resolves once the parser is ready; safe to call many times. */
export function loadShellParser(): Promise<ParserType> {
  loading ??= (async () => {
    await Parser.init({ wasmBinary: readFileSync(locate(RUNTIME_WASM)) } as object);
    const language = await Language.load(readFileSync(locate(GRAMMAR_WASM)));
    const created = new Parser();
    created.setLanguage(language);
    parser = created;
    return created;
  })();
  return loading;
}

export function isShellParserLoaded(): boolean {
  return parser !== undefined;
}

/** Thrown when a parse takes longer than its budget (pathological input): the caller asks, never guesses. */
export class ParseBudgetExceeded extends Error {}

/** Longest a single parse may run; tree-sitter-bash is superlinear on some inputs (long pipelines). */
export const PARSE_BUDGET_MS = 250;

/** Parses one script. Throws when called before `loadShellParser()` has resolved. */
export function parseShell(text: string, budgetMs = PARSE_BUDGET_MS): Tree {
  if (!parser) throw new Error('Airlock: shell parser used before loadShellParser() resolved');
  const deadline = Date.now() + budgetMs;
  // Returning true from the progress callback cancels the parse (typed as void upstream).
  const progressCallback = (() => Date.now() > deadline) as unknown as () => void;
  const tree = parser.parse(text, null, { progressCallback });
  if (!tree) {
    parser.reset();
    throw new ParseBudgetExceeded(`parsing took longer than ${budgetMs} ms`);
  }
  return tree;
}
