import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyseCode } from '../../../src/core/code/effects';
import { interpreterProgram } from '../../../src/core/code/inline';
import { scanCode, UNKNOWN_PART } from '../../../src/core/code/scanner';

test('each language keeps strings and comments apart from code', () => {
  const idents = (src: string, lang: Parameters<typeof scanCode>[1]) =>
    scanCode(src, lang)
      .filter((t) => t.kind === 'ident')
      .map((t) => t.value);
  assert.deepEqual(idents(`print('os.system("x")') # shutil.rmtree(y)`, 'python'), ['print']);
  assert.deepEqual(idents(`x = """a ' b"""; y = r'\\'`, 'python'), ['x', 'y']);
  assert.deepEqual(idents('const a = `t ${b} c`; // rmSync(d)\n/* e */ f(/re"g/)', 'javascript'), ['const', 'a', 'f']);
  assert.deepEqual(idents(`puts 'a' # system("x")\n%w(b c)`, 'ruby'), ['puts']);
  assert.deepEqual(idents(`print q{system("x")}; # unlink`, 'perl'), ['print']);
  assert.deepEqual(idents(`<?php echo 'a'; # exec("x")`, 'php'), ['echo']);
});

test('strings decode escapes and mark interpolation as unknown', () => {
  const strings = (src: string, lang: Parameters<typeof scanCode>[1]) =>
    scanCode(src, lang)
      .filter((t) => t.kind === 'string')
      .map((t) => t.value);
  assert.deepEqual(strings(`'it\\'s' "a\\tb"`, 'python'), [`it's`, 'a\tb']);
  assert.deepEqual(strings(`f"rm -rf {path}"`, 'python'), [`rm -rf ${UNKNOWN_PART}`]);
  assert.deepEqual(strings('`rm -rf ${dir}`', 'javascript'), [`rm -rf ${UNKNOWN_PART}`]);
  assert.deepEqual(strings(`"rm -rf #{dir}"`, 'ruby'), [`rm -rf ${UNKNOWN_PART}`]);
  assert.deepEqual(strings(`"rm -rf $dir"`, 'perl'), [`rm -rf ${UNKNOWN_PART}`]);
  assert.deepEqual(strings(`'rm -rf $dir'`, 'perl'), ['rm -rf $dir'], 'single quotes do not interpolate');
});

test('calls: recursive deletes, spawns with resolved literals, HTTP deletes, mutations', () => {
  const py = analyseCode(
    `import shutil, os\np = '/srv/data'\nshutil.rmtree(p)\nos.system('rm -rf ' + p)\nsubprocess.run(['git', 'reset', '--hard'], check=True)`,
    'python',
  );
  assert.deepEqual(
    py.recursiveDeletes.map((d) => d.path),
    ['/srv/data'],
  );
  assert.deepEqual(
    py.spawns.map((s) => s.line ?? s.argv!.join(' ')),
    ['rm -rf /srv/data', 'git reset --hard'],
  );
  const js = analyseCode(`const cp = require('child_process'); cp.spawnSync('kubectl', ['delete', 'ns', x]); fetch(u, { method: 'DELETE' });`, 'javascript');
  assert.deepEqual(
    js.spawns.map((s) => s.argv),
    [['kubectl', 'delete', 'ns', UNKNOWN_PART]],
  );
  assert.equal(js.httpDeletes.length, 1);
  const rb = analyseCode('system "terraform", "destroy"\nputs `ls`', 'ruby');
  assert.deepEqual(
    rb.spawns.map((s) => s.argv ?? s.line),
    [['terraform', 'destroy'], 'ls'],
  );
  assert.deepEqual(
    analyseCode(`subprocess.run('rm -rf /srv/data'.split())`, 'python').spawns.map((x) => x.line),
    ['rm -rf /srv/data'],
  );
  assert.deepEqual(
    analyseCode(`for (const d of ['dist', '/srv']) fs.rmSync(d, { recursive: true })`, 'javascript').recursiveDeletes.map((x) => x.path),
    ['dist', '/srv'],
  );
  assert.deepEqual(
    analyseCode(`for d in ('build', 'out'):\n    shutil.rmtree(d)`, 'python').recursiveDeletes.map((x) => x.path),
    ['build', 'out'],
  );
  const rm = (src: string, lang: Parameters<typeof analyseCode>[1]) => analyseCode(src, lang).recursiveDeletes.map((x) => x.path);
  assert.deepEqual(rm(`fs.rmSync(path.join(__dirname, 'dist'), { recursive: true })`, 'javascript'), ['dist']);
  assert.deepEqual(rm(`fs.rmSync(path.resolve(process.cwd(), 'build', 'cache'), { recursive: true })`, 'javascript'), ['build/cache']);
  assert.deepEqual(rm(`shutil.rmtree(os.path.join(os.getcwd(), 'build'))`, 'python'), ['build']);
  assert.ok(rm(`shutil.rmtree(os.path.join(home, 'data'))`, 'python')[0]!.includes(UNKNOWN_PART), 'an unknown base is not the project folder');
  const mutation = analyseCode(`q = 'mutation { volumeDelete(volumeId: "' + v + '") }'`, 'python');
  assert.deepEqual(mutation.mutations, ['volumeDelete']);
  assert.deepEqual(analyseCode(`print('shutil.rmtree("/")', "os.system('rm -rf /')")`, 'python'), {
    recursiveDeletes: [],
    fileDeletes: [],
    spawns: [],
    httpDeletes: [],
    mutations: [],
    obfuscated: [],
    dynamic: [],
  });
});

test('Lua and R: comments, long strings, spawns and deletes', () => {
  assert.deepEqual(analyseCode(`-- os.execute("rm -rf /")\n--[[ os.execute("x") ]]\nprint([[os.execute("y")]])`, 'lua').spawns, []);
  assert.deepEqual(
    analyseCode(`os.execute("rm -rf " .. dir)`, 'lua').spawns.map((x) => x.line),
    [`rm -rf ${UNKNOWN_PART}`],
  );
  assert.deepEqual(
    analyseCode(`io.popen('git reset --hard')`, 'lua').spawns.map((x) => x.line),
    ['git reset --hard'],
  );
  assert.deepEqual(
    analyseCode(`os.remove("/etc/hosts")`, 'lua').fileDeletes.map((x) => x.path),
    ['/etc/hosts'],
  );
  assert.deepEqual(
    analyseCode(`unlink("/srv/data", recursive = TRUE) # unlink("/")`, 'r').recursiveDeletes.map((x) => x.path),
    ['/srv/data'],
  );
  assert.deepEqual(analyseCode(`unlink("notes.txt")`, 'r').recursiveDeletes, []);
  assert.deepEqual(
    analyseCode(`system2("kubectl", c("delete", "ns", "prod"), stdout = TRUE)`, 'r').spawns.map((x) => x.argv),
    [['kubectl', 'delete', 'ns', 'prod']],
  );
  assert.equal(interpreterProgram(['Rscript', '-e', 'x'], false)?.language, 'r');
  assert.equal(interpreterProgram(['luajit', '-e', 'x'], false)?.language, 'lua');
});

test('code evaluated inside code is read; decoded code is reported as unreadable', () => {
  assert.deepEqual(
    analyseCode(`exec("import shutil; shutil.rmtree('/srv')")`, 'python').recursiveDeletes.map((d) => d.path),
    ['/srv'],
  );
  assert.deepEqual(
    analyseCode(`eval("require('child_process').execSync('rm -rf /srv')")`, 'javascript').spawns.map((x) => x.line),
    ['rm -rf /srv'],
  );
  assert.deepEqual(analyseCode(`exec(base64.b64decode('cm0='))`, 'python').obfuscated, ['exec(...)']);
  assert.deepEqual(
    analyseCode(`eval "system('rm -rf /srv')"`, 'perl').spawns.map((x) => x.line),
    ['rm -rf /srv'],
  );
  assert.deepEqual(analyseCode(`eval { die "x" }; print "ok"`, 'perl').spawns, []);
  assert.deepEqual(analyseCode(`eval(atob(s))`, 'javascript').obfuscated, ['eval(...)']);
  assert.deepEqual(analyseCode(`exec(open('setup.py').read())`, 'python').obfuscated, [], 'reading a file is not decoding');
  const deep = 'exec("'.repeat(6) + 'x' + '")'.repeat(6);
  assert.doesNotThrow(() => analyseCode(deep, 'python'));
});

test('interpreter programs: -c/-e/-r/eval code, stdin programs, script files', () => {
  assert.deepEqual(interpreterProgram(['python3', '-B', '-c', 'x', 'arg'], false), { language: 'python', code: 'x', from: 'python3 -c' });
  assert.equal(interpreterProgram(['python3', '-m', 'http.server'], true), undefined);
  assert.deepEqual(interpreterProgram(['python3', '-u', 'app.py', '--x'], true), { language: 'python', scriptPath: 'app.py', from: 'python3 app.py' });
  assert.equal(interpreterProgram(['node', '-r', 'dotenv/config', 'server.js'], false)?.scriptPath, 'server.js');
  assert.equal(interpreterProgram(['deno', 'run', '-A', 'main.ts'], false)?.scriptPath, 'main.ts');
  assert.equal(interpreterProgram(['python3', '-'], true)?.code, undefined);
  assert.equal(interpreterProgram(['python3'], false), undefined, 'an interactive interpreter runs nothing yet');
  assert.equal(interpreterProgram(['node', '-pe', 'process.version'], false)?.code, 'process.version');
  assert.equal(interpreterProgram(['node', '--eval=1+1'], false)?.code, '1+1');
  assert.equal(interpreterProgram(['ruby', '-rfileutils', '-e', 'a', '-e', 'b'], false)?.code, 'a\nb');
  assert.equal(interpreterProgram(['perl', '-MFile::Path', '-le', 'x'], false)?.code, 'x');
  assert.equal(interpreterProgram(['perl', '-i.bak', '-pe', 's/a/b/', 'f'], false)?.code, 's/a/b/');
  assert.equal(interpreterProgram(['deno', 'eval', 'x'], false)?.code, 'x');
  assert.equal(interpreterProgram(['php', '-r', 'x'], false)?.language, 'php');
  assert.equal(interpreterProgram(['bun', 'run', 'build'], false), undefined, 'a package script name is not a script file');
  assert.equal(interpreterProgram(['bun', 'run', 'scripts/seed.ts'], false)?.scriptPath, 'scripts/seed.ts');
  assert.equal(interpreterProgram(['bun', 'install'], false), undefined, 'a bun subcommand is not a script file');
  assert.equal(interpreterProgram(['bun', '--bun', 'vite'], false), undefined, 'an installed binary is not a script file');
  assert.equal(interpreterProgram(['bun', '--bun', 'run', 'dev'], false), undefined);
  assert.equal(interpreterProgram(['bun', 'run', '--watch', 'src/index.ts'], false)?.scriptPath, 'src/index.ts');
  assert.equal(interpreterProgram(['bun', '--cwd', 'app', 'x.ts'], false)?.scriptPath, 'x.ts');
  assert.equal(interpreterProgram(['bun', '-e', 'console.log(1)'], false)?.code, 'console.log(1)');
  assert.equal(interpreterProgram(['node', '--run', 'build'], false), undefined, 'node --run runs a package script');
  assert.equal(interpreterProgram(['node', '--test', '--test-reporter', 'spec', 'test/'], false), undefined, 'node --test runs test files');
  assert.equal(interpreterProgram(['tsx', 'watch', 'src/index.ts'], false)?.scriptPath, 'src/index.ts');
  assert.equal(interpreterProgram(['ruby', '-S', 'rake', 'db:migrate'], false), undefined, 'ruby -S runs a program from PATH');
  assert.equal(interpreterProgram(['php', '-S', 'localhost:8000', '-t', 'public'], false), undefined, 'the PHP built-in server runs no script');
  assert.equal(interpreterProgram(['php', '-f', 'x.php'], false)?.scriptPath, 'x.php');
  assert.equal(interpreterProgram(['deno', 'main.ts'], false)?.scriptPath, 'main.ts', 'Deno 2 runs a file without `run`');
  assert.equal(interpreterProgram(['deno', 'run', '--config', 'deno.json', '-A', 'main.ts'], false)?.scriptPath, 'main.ts');
  assert.equal(interpreterProgram(['bun', 'x', 'prisma'], false), undefined);
});
