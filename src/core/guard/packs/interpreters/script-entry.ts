import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { InterpreterProgram } from '../../../code/inline';
import { resolveFrom } from '../../files';

/**
 * The file an interpreter actually runs for the script word, as it resolves it: `node .` and
 * `node server` run package.json's main or server.js, `python app/` runs app/__main__.py.
 * Anything else is the word itself.
 */
export function scriptEntry(program: InterpreterProgram, scriptPath: string, cwd: string): string {
  const full = resolveFrom(cwd, scriptPath);
  const kind = kindOf(full);
  if (program.language === 'python') return kind === 'folder' ? join(scriptPath, '__main__.py') : scriptPath;
  if (!/^(node|nodejs)\b/.test(program.from) || kind === 'file') return scriptPath;
  if (kind === 'folder') return join(scriptPath, packageMain(full) ?? 'index.js');
  // Node's loader tries the name with `.js` when the name itself does not exist.
  return kind === 'missing' && kindOf(`${full}.js`) === 'file' ? `${scriptPath}.js` : scriptPath;
}

function kindOf(path: string): 'file' | 'folder' | 'other' | 'missing' {
  try {
    const stat = statSync(path);
    return stat.isFile() ? 'file' : stat.isDirectory() ? 'folder' : 'other';
  } catch {
    return 'missing';
  }
}

/** package.json's `main`, resolved like the entry itself (a folder gets index.js, a bare name .js). */
function packageMain(folder: string): string | undefined {
  try {
    const manifest = join(folder, 'package.json');
    if (!statSync(manifest).isFile() || statSync(manifest).size > 64 * 1024) return undefined;
    const main = (JSON.parse(readFileSync(manifest, 'utf8')) as { main?: unknown }).main;
    if (typeof main !== 'string' || main === '') return undefined;
    const kind = kindOf(join(folder, main));
    if (kind === 'folder') return join(main, 'index.js');
    return kind === 'missing' && kindOf(join(folder, `${main}.js`)) === 'file' ? `${main}.js` : main;
  } catch {
    return undefined;
  }
}
