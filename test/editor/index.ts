// The module the extension host loads as `extensionTestsPath` (see scripts/editor/run-editor-tests.mjs).
// It runs every compiled suite beside it with mocha, inside the real extension host, and writes
// the outcome of each test to results.json in the same folder: the runner reads its counts
// from there, because the extension host's own output goes to code-server's log.
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Mocha from 'mocha';

interface TestOutcome {
  title: string;
  state: 'passed' | 'failed';
  durationMs?: number;
  error?: string;
}

export function run(): Promise<void> {
  // Failures then point at the .ts lines (the suites are compiled with inline source maps).
  process.setSourceMapsEnabled(true);
  const resultsFile = join(__dirname, 'results.json');
  const outcomes: TestOutcome[] = [];
  const save = (done: boolean) => writeFileSync(resultsFile, JSON.stringify({ done, outcomes }, null, 2));
  save(false);

  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 30_000, reporter: 'spec' });
  const grep = process.env.AIRLOCK_EDITOR_GREP;
  if (grep) mocha.grep(grep);
  const suiteDir = join(__dirname, 'suite');
  for (const file of readdirSync(suiteDir)
    .filter((name) => name.endsWith('.test.js'))
    .sort()) {
    mocha.addFile(join(suiteDir, file));
  }

  return new Promise((resolve, reject) => {
    try {
      const runner = mocha.run((failures) => {
        save(true);
        if (failures > 0) reject(new Error(`${failures} editor test(s) failed`));
        else resolve();
      });
      runner.on('pass', (test) => {
        outcomes.push({ title: test.fullTitle(), state: 'passed', durationMs: test.duration });
        save(false);
      });
      runner.on('fail', (test, error: Error) => {
        // A failing hook counts as a failed test too, so a broken before() is never "0 tests".
        outcomes.push({ title: test.fullTitle(), state: 'failed', error: error?.stack ?? String(error) });
        save(false);
      });
    } catch (error) {
      outcomes.push({ title: 'loading the editor suites', state: 'failed', error: error instanceof Error ? error.stack : String(error) });
      save(true);
      reject(error);
    }
  });
}
