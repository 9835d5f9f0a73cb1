import { basename } from 'node:path';
import { parse as parseDotenv } from 'dotenv';
import parseVariables from 'dotenv-parse-variables';
import type { Environment } from '../types';
import { classifyName, type EnvironmentPatterns } from './classify';
import type { FileCache, ReadResult } from './files';

/** One env file as a tool would load it: raw string values, plus the environment it is for. */
export interface EnvFile {
  path: string;
  /** Path shown to people, relative to the workspace when inside it. */
  name: string;
  /** Values as a process would receive them (strings), `${VAR}` references expanded within the file. */
  vars: Record<string, string>;
  environment: Environment;
  /** How the environment was told: "file name", "APP_ENV=production"... */
  environmentFrom: string;
}

/** Variables that name the environment a config is for, in the order frameworks honour them. */
const INDICATOR_VARIABLES = [
  'RAILWAY_ENVIRONMENT_NAME',
  'RAILWAY_ENVIRONMENT',
  'VERCEL_ENV',
  'APP_ENV',
  'APPLICATION_ENV',
  'ENVIRONMENT',
  'ENV',
  'STAGE',
  'DEPLOY_ENV',
  'RAILS_ENV',
  'RACK_ENV',
  'FLASK_ENV',
  'NODE_ENV',
];

/** Flags some projects use instead of a name (`IS_PRODUCTION=true`). */
const PRODUCTION_FLAGS = ['PRODUCTION', 'IS_PRODUCTION', 'IS_PROD', 'PROD'];

const TEMPLATE_SUFFIXES = ['example', 'sample', 'template', 'dist', 'defaults', 'schema', 'tpl'];

/** `.env`, `.env.staging`, `production.env`; not `.envrc`, not templates. */
export function isEnvFileName(name: string): boolean {
  if (name === '.env') return true;
  if (name.startsWith('.env.')) return !isTemplate(name);
  return /^[\w.-]+\.env$/.test(name) && !isTemplate(name);
}

function isTemplate(name: string): boolean {
  return name
    .toLowerCase()
    .split('.')
    .some((part) => TEMPLATE_SUFFIXES.includes(part));
}

/** Env file names in `dir`, `.env` first, then alphabetically (stable output). */
export function listEnvFiles(cache: FileCache, dir: string): string[] {
  return cache
    .list(dir)
    .filter(isEnvFileName)
    .sort((a, b) => (a === '.env' ? -1 : b === '.env' ? 1 : a.localeCompare(b)));
}

/** The environment an env file's name stands for: `.env.production.local` → production, `.env` → none. */
export function environmentOfFileName(name: string, patterns: EnvironmentPatterns): Environment {
  const base = basename(name);
  const stem = base === '.env' ? '' : base.startsWith('.env.') ? base.slice(5) : base.replace(/\.env$/, '');
  return stem ? classifyName(stem, patterns) : 'unknown';
}

export function loadEnvFile(cache: FileCache, path: string, name: string, patterns: EnvironmentPatterns): ReadResult<EnvFile> {
  const parsed = cache.parsed(path, 'dotenv', parseEnvText);
  if (!parsed.ok) return parsed;
  const { vars, typed } = parsed.value;
  const fromName = environmentOfFileName(name, patterns);
  if (fromName !== 'unknown') return { ok: true, value: { path, name, vars, environment: fromName, environmentFrom: 'file name' } };
  for (const variable of INDICATOR_VARIABLES) {
    const value = vars[variable];
    const environment = classifyName(value, patterns);
    if (value && environment !== 'unknown') {
      return { ok: true, value: { path, name, vars, environment, environmentFrom: `${variable}=${value.slice(0, 40)}` } };
    }
  }
  for (const flag of PRODUCTION_FLAGS) {
    if (typed[flag] === true) return { ok: true, value: { path, name, vars, environment: 'production', environmentFrom: `${flag}=true` } };
  }
  return { ok: true, value: { path, name, vars, environment: 'unknown', environmentFrom: 'neither its name nor its variables say' } };
}

function parseEnvText(text: string): { vars: Record<string, string>; typed: Record<string, unknown> } {
  const raw = parseDotenv(text) as Record<string, string>;
  const meaningful = text.split('\n').some((line) => line.trim() && !line.trim().startsWith('#'));
  if (meaningful && Object.keys(raw).length === 0) throw new Error('no KEY=value line could be read');
  const vars = expandWithin(raw);
  // Typed view (booleans, numbers) for flags such as IS_PRODUCTION=true; never written to process.env.
  const typed = parseVariables({ ...vars }, { assignToProcessEnv: false });
  return { vars, typed };
}

/** Expands `${VAR}` and `$VAR` between variables of one file, as dotenv-expand and most frameworks do. */
function expandWithin(vars: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(vars)) {
    out[key] =
      value.length > 4096
        ? value
        : value.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}|\$([A-Za-z_][A-Za-z0-9_]*)/g, (whole, a: string | undefined, b: string | undefined) => {
            const ref = (a ?? b)!;
            return ref !== key && vars[ref] !== undefined && !/\$/.test(vars[ref]!) ? vars[ref]! : whole;
          });
  }
  return out;
}
