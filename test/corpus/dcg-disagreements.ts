/**
 * Cases of dcg's corpus where Airlock decides differently on purpose, each with its reason.
 * The dcg test fails on any disagreement not listed here, and on any entry here that no longer
 * disagrees (so the list stays true).
 */
export interface DcgDisagreement {
  command: string;
  /** What dcg expects. */
  dcg: 'deny' | 'allow';
  reason: string;
}

const disagreements: DcgDisagreement[] = [
  {
    command: './target/release/dcg --version',
    dcg: 'allow',
    reason:
      'A program run by its path is read first; this one does not exist where the check runs, so Airlock cannot see what it would run and asks. An existing compiled program runs like any tool.',
  },
  {
    command: 'python -c "import shutil; shutil.rmtree(\'/tmp/demo\')"',
    dcg: 'deny',
    reason: 'The script deletes a folder under /tmp: a routine temp-folder delete, allowed as `rm -rf /tmp/x` is.',
  },
  {
    command: 'python -c \'import shutil; shutil.rmtree("/tmp/demo")\'',
    dcg: 'deny',
    reason: 'The script deletes a folder under /tmp: a routine temp-folder delete, allowed as `rm -rf /tmp/x` is.',
  },
  { command: 'srm -z file.txt', dcg: 'allow', reason: 'srm is secure-delete: it overwrites the file beyond recovery, so Airlock asks (filesystem.shred).' },
  {
    command: 'rm -rf ./build',
    dcg: 'deny',
    reason: 'node_modules and build output are routine delete paths (policy routineDeletePaths); rm -rf there is everyday work.',
  },
  {
    command: 'aws secretsmanager update-secret --secret-id my/secret --description "rotated in emergency"',
    dcg: 'deny',
    reason: "update-secret with only --description changes the secret's metadata, not its value: nothing is destroyed.",
  },
  {
    command: "curl -X DELETE 'http://localhost:9200/logs-2024'",
    dcg: 'deny',
    reason: 'A REST call to a loopback host is local development; the issue allows localhost calls (Airlock asks for non-loopback DELETEs).',
  },
  {
    command: "curl -X DELETE 'http://localhost:9200/logs-2024-01,logs-2024-02'",
    dcg: 'deny',
    reason: 'A REST call to a loopback host is local development; the issue allows localhost calls (Airlock asks for non-loopback DELETEs).',
  },
  {
    command: "curl -X DELETE 'http://localhost:9200/_all'",
    dcg: 'deny',
    reason: 'A REST call to a loopback host is local development; the issue allows localhost calls (Airlock asks for non-loopback DELETEs).',
  },
  {
    command: "curl -X DELETE 'http://localhost:9200/*'",
    dcg: 'deny',
    reason: 'A REST call to a loopback host is local development; the issue allows localhost calls (Airlock asks for non-loopback DELETEs).',
  },
  {
    command:
      'curl -X POST \'http://localhost:9200/logs-2024/_delete_by_query\' -H \'Content-Type: application/json\' -d \'{"\\"query\\"":{"\\"match_all\\"":{}}}\'',
    dcg: 'deny',
    reason: 'A REST call to a loopback host is local development; the issue allows localhost calls (Airlock asks for non-loopback DELETEs).',
  },
  {
    command:
      'curl -X POST \'http://localhost:9200/logs-2024/_delete_by_query?conflicts=proceed\' -H \'Content-Type: application/json\' -d \'{"\\"query\\"":{"\\"range\\"":{"\\"@timestamp\\"":{"\\"lt\\"":"\\"now-30d\\""}}}}\'',
    dcg: 'deny',
    reason: 'A REST call to a loopback host is local development; the issue allows localhost calls (Airlock asks for non-loopback DELETEs).',
  },
  {
    command: "curl -X DELETE 'http://localhost:9200/_data_stream/logs-app'",
    dcg: 'deny',
    reason: 'A REST call to a loopback host is local development; the issue allows localhost calls (Airlock asks for non-loopback DELETEs).',
  },
  {
    command: "curl -X DELETE 'http://localhost:9200/_snapshot/backup_repo/snap_01'",
    dcg: 'deny',
    reason: 'A REST call to a loopback host is local development; the issue allows localhost calls (Airlock asks for non-loopback DELETEs).',
  },
  {
    command: "curl -X DELETE 'http://localhost:9200/.kibana*'",
    dcg: 'deny',
    reason: 'A REST call to a loopback host is local development; the issue allows localhost calls (Airlock asks for non-loopback DELETEs).',
  },
  {
    command: "curl -X DELETE 'http://localhost:9200/logs-2024?ignore_unavailable=true'",
    dcg: 'deny',
    reason: 'A REST call to a loopback host is local development; the issue allows localhost calls (Airlock asks for non-loopback DELETEs).',
  },
  {
    command: "curl -X DELETE 'http://localhost:7700/indexes/movies'",
    dcg: 'deny',
    reason: 'A REST call to a loopback host is local development; the issue allows localhost calls (Airlock asks for non-loopback DELETEs).',
  },
  {
    command: "curl -X DELETE 'http://localhost:7700/indexes/products'",
    dcg: 'deny',
    reason: 'A REST call to a loopback host is local development; the issue allows localhost calls (Airlock asks for non-loopback DELETEs).',
  },
  {
    command: "curl -X DELETE 'http://localhost:7700/indexes/orders'",
    dcg: 'deny',
    reason: 'A REST call to a loopback host is local development; the issue allows localhost calls (Airlock asks for non-loopback DELETEs).',
  },
  {
    command: "curl -X DELETE 'http://localhost:7700/indexes/users'",
    dcg: 'deny',
    reason: 'A REST call to a loopback host is local development; the issue allows localhost calls (Airlock asks for non-loopback DELETEs).',
  },
  {
    command: "curl -X DELETE 'http://localhost:7700/indexes/logs'",
    dcg: 'deny',
    reason: 'A REST call to a loopback host is local development; the issue allows localhost calls (Airlock asks for non-loopback DELETEs).',
  },
  {
    command: "curl -X DELETE 'http://localhost:7700/indexes/sessions'",
    dcg: 'deny',
    reason: 'A REST call to a loopback host is local development; the issue allows localhost calls (Airlock asks for non-loopback DELETEs).',
  },
  {
    command: "curl -X DELETE 'http://localhost:7700/indexes/catalog'",
    dcg: 'deny',
    reason: 'A REST call to a loopback host is local development; the issue allows localhost calls (Airlock asks for non-loopback DELETEs).',
  },
  {
    command: "curl -X DELETE 'http://localhost:7700/indexes/events'",
    dcg: 'deny',
    reason: 'A REST call to a loopback host is local development; the issue allows localhost calls (Airlock asks for non-loopback DELETEs).',
  },
  {
    command: "curl -X DELETE 'http://localhost:7700/indexes/metrics'",
    dcg: 'deny',
    reason: 'A REST call to a loopback host is local development; the issue allows localhost calls (Airlock asks for non-loopback DELETEs).',
  },
  {
    command: "curl -X DELETE 'http://localhost:7700/indexes/tenants'",
    dcg: 'deny',
    reason: 'A REST call to a loopback host is local development; the issue allows localhost calls (Airlock asks for non-loopback DELETEs).',
  },
  {
    command: 'git checkout -- file.txt',
    dcg: 'deny',
    reason: 'Restoring one named file is routine editing; Airlock asks only when the whole working tree is discarded (git.discard-worktree).',
  },
  {
    command: 'git checkout HEAD -- file.txt',
    dcg: 'deny',
    reason: 'Restoring one named file is routine editing; Airlock asks only when the whole working tree is discarded (git.discard-worktree).',
  },
  {
    command: 'git restore file.txt',
    dcg: 'deny',
    reason: 'Restoring one named file is routine editing; Airlock asks only when the whole working tree is discarded (git.discard-worktree).',
  },
  {
    command: 'git restore --worktree file.txt',
    dcg: 'deny',
    reason: 'Restoring one named file is routine editing; Airlock asks only when the whole working tree is discarded (git.discard-worktree).',
  },
  {
    command: 'git restore -W file.txt',
    dcg: 'deny',
    reason: 'Restoring one named file is routine editing; Airlock asks only when the whole working tree is discarded (git.discard-worktree).',
  },
  {
    command: 'rm -rf node_modules',
    dcg: 'deny',
    reason: 'node_modules and build output are routine delete paths (policy routineDeletePaths); rm -rf there is everyday work.',
  },
  {
    command: 'node <<EOF',
    dcg: 'allow',
    reason: 'An unterminated heredoc is a parse failure on a line naming a guarded interpreter: Airlock asks rather than guess.',
  },
  {
    command: 'python3 <<EOF',
    dcg: 'allow',
    reason: 'An unterminated heredoc is a parse failure on a line naming a guarded interpreter: Airlock asks rather than guess.',
  },
  { command: 'git reset ‐‐hard', dcg: 'deny', reason: 'Unicode hyphens are not option dashes: git rejects `‐‐hard` and resets nothing.' },
  {
    command: 'git reset\n--hard',
    dcg: 'deny',
    reason: 'The newline ends the command: `git reset` (harmless) runs, then `--hard` fails as a command of its own.',
  },
  { command: 'git RESET --HARD', dcg: 'deny', reason: 'Git subcommands are case-sensitive: `git RESET` fails with "not a git command" and changes nothing.' },
  {
    command: 'python3 <<EOF\nimport shutil\nshutil.rmtree("/tmp/test")\nEOF',
    dcg: 'deny',
    reason: 'The script deletes a folder under /tmp: a routine temp-folder delete, allowed as `rm -rf /tmp/x` is.',
  },
  {
    command: 'python3 << "EOF SPACE"\nimport shutil\nshutil.rmtree(\'/tmp/test\')\nEOF SPACE',
    dcg: 'deny',
    reason: 'The script deletes a folder under /tmp: a routine temp-folder delete, allowed as `rm -rf /tmp/x` is.',
  },
  {
    command: 'git push --force-with-lease',
    dcg: 'allow',
    reason: 'Without a branch the push goes to the current branch, which may be protected: Airlock cannot tell, so it asks.',
  },
  {
    command: 'rm -r directory',
    dcg: 'allow',
    reason: 'A recursive delete outside temp and build folders asks in Airlock (filesystem.rm-recursive); dcg lets plain -r through.',
  },
  {
    command: '../other-project/run.sh',
    dcg: 'allow',
    reason: 'A shell script run by its path is read and checked like `bash run.sh`; one Airlock cannot read may do anything, so it asks.',
  },
  {
    command: 'python script.py',
    dcg: 'allow',
    reason:
      'The script does not exist where the corpus runs: a script Airlock cannot read may do anything (it may be written by the same line), so it asks (interpreters.unreadable-program).',
  },
  {
    command: 'node app.js',
    dcg: 'allow',
    reason:
      'The script does not exist where the corpus runs: a script Airlock cannot read may do anything (it may be written by the same line), so it asks (interpreters.unreadable-program).',
  },
];

export default disagreements;
