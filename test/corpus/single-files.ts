import type { Corpus } from './types';

/**
 * Single files: what git cannot bring back asks, what it can (or what is not there) passes.
 * `repos/files` is a real repository built by git at test time (see corpus-files.ts): README.md
 * and src/util.ts committed and unchanged, src/app.ts changed since, notes.txt and data/users.csv
 * never committed, debug.log ignored (and a routine log), empty.txt empty.
 */
export default [
  ['ask', 'cd repos/files && rm notes.txt', 'filesystem.rm-unrecoverable'],
  ['ask', 'sudo rm repos/files/data/users.csv', 'filesystem.rm-unrecoverable'],
  ['ask', 'bash -c "rm -f repos/files/src/app.ts"', 'filesystem.rm-unrecoverable'],
  ['ask', 'echo repos/files/notes.txt | xargs rm', 'filesystem.rm-unrecoverable'],
  ['ask', 'cd repos/files && rm -- notes.txt', 'filesystem.rm-unrecoverable'],
  ['ask', 'cd repos/files && rm *.txt', 'filesystem.rm-unrecoverable'],
  ['ask', 'cd repos/files && Remove-Item -Path notes.txt -Force', 'filesystem.rm-unrecoverable'],
  ['ask', 'cd repos/files/data && del users.csv', 'filesystem.rm-unrecoverable'],
  ['ask', 'rm -f "report-$(date +%F).csv"', 'filesystem.rm-unrecoverable'],
  ['allow', 'cd repos/files && rm README.md src/util.ts'],
  ['allow', 'cd repos/files && rm -f empty.txt debug.log'],
  ['allow', 'rm -f repos/files/missing.txt'],
  ['allow', 'rm -f /tmp/build-output.txt'],
  ['allow', 'cd repos/files && rm -f *.pyc'],
  ['allow', 'unlink --help'],
  // Emptying in place.
  ['ask', 'truncate -s 0 repos/files/notes.txt', 'filesystem.truncate-file'],
  ['ask', 'cd repos/files && truncate -s0 src/app.ts', 'filesystem.truncate-file'],
  ['ask', ': > repos/files/data/users.csv', 'filesystem.truncate-file'],
  ['ask', 'sudo sh -c "> repos/files/data/users.csv"', 'filesystem.truncate-file'],
  ['allow', 'truncate -s 0 repos/files/README.md'],
  ['allow', 'truncate -s 0 repos/files/missing.log'],
  ['allow', 'truncate -s +1G disk.img'],
  ['allow', 'psql -c "COPY users TO STDOUT CSV" > /tmp/export-new.csv'],
  ['allow', 'echo "id,email" >> repos/files/data/users.csv'],
  // Trash, cron, /dev/null, blanking edits.
  ['ask', 'trash-empty', 'filesystem.irreversible-tools'],
  ['ask', 'sudo -u deploy crontab -r', 'filesystem.irreversible-tools'],
  ['ask', 'mv repos/files/notes.txt /dev/null', 'filesystem.irreversible-tools'],
  ['ask', "find . -name '*.sql' | xargs sed -i 's/.*//'", 'filesystem.inplace-blank'],
  ['ask', "sed --in-place -e 'd' repos/files/notes.txt", 'filesystem.inplace-blank'],
  ['allow', 'crontab -l > crontab.bak'],
  ['allow', "sed -i 's/41/42/' repos/files/src/app.ts"],
  ['allow', 'mv repos/files/notes.txt repos/files/notes.md'],
  ['allow', 'cat repos/files/notes.txt > /dev/null'],
] satisfies Corpus;
