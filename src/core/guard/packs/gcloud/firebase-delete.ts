import { hasFlag, hasOption } from '../../../argv';
import { defineRule } from '../../rule';
import { matchTopicPath } from '../cli-words';

const FIREBASE_VALUED = ['-P', '--project', '--token', '--config', '--database', '--instance', '--region', '--only', '--site'];
/** Emulators keep their data locally: these variables point the CLI at them. */
const EMULATOR_VARIABLES = ['FIRESTORE_EMULATOR_HOST', 'FIREBASE_DATABASE_EMULATOR_HOST', 'FIREBASE_EMULATOR_HUB'];

export default defineRule({
  id: 'gcloud.firebase-delete',
  resource: 'Firestore documents or databases, Realtime Database data, Cloud Functions or a Hosting site',
  severity: 'high',
  decision: 'ask',
  reason:
    'Deletes Firebase data or services: Firestore documents (with -r or --all-collections, whole collections or the entire database), Realtime Database paths, functions or a live Hosting site.',
  suggestion: 'Export first (`gcloud firestore export gs://bucket/backup`, `firebase database:get / > backup.json`), and try it against the emulator.',
  keywords: ['firebase', 'firebase-tools'],
  tools: ['firebase'],
  match: (command) => {
    if (EMULATOR_VARIABLES.some((v) => command.assignments[v])) return undefined;
    const words = matchTopicPath(
      command,
      FIREBASE_VALUED,
      ['firestore', 'delete'],
      ['firestore', 'databases', 'delete'],
      ['database', ['remove', 'set']],
      ['functions', 'delete'],
      ['hosting', 'disable'],
      [['apps', 'auth'], 'delete'],
      ['projects', 'delete'],
      ['hosting', ['sites'], 'delete'],
      [
        ['remoteconfig', 'extensions', 'apphosting'],
        ['delete', 'uninstall', 'rollouts'],
      ],
    );
    if (!words) return undefined;
    const args = command.argv.slice(1);
    const everything = words[1] === 'databases' || (words[0] === 'firestore' && (hasOption(args, '--all-collections') || hasFlag(args, '-r', '--recursive')));
    if (words[0] === 'projects')
      return {
        severity: 'critical',
        resource: 'a whole Firebase (Google Cloud) project: every database, bucket, function and site in it',
        reason: 'firebase projects:delete shuts the whole project down: every database, bucket, function and site in it goes after 30 days.',
      };
    if (everything || (words[0] === 'database' && words[1] === 'remove')) return { severity: 'critical' };
    return words[0] === 'functions' ? { severity: 'medium' } : {};
  },
  examples: {
    match: [
      { line: 'firebase firestore:delete --all-collections --yes', decision: 'ask' },
      'firebase firestore:delete -r users',
      'firebase firestore:databases:delete prod --force',
      'firebase database:remove /users --force',
      'firebase functions:delete api',
      'firebase hosting:disable -P prod',
      'npx firebase-tools firestore:delete -r users -y',
      { line: 'firebase projects:delete my-proj', decision: 'ask', severity: 'critical' },
      'firebase hosting:sites:delete old-site',
    ],
    noMatch: [
      'firebase deploy',
      { line: 'firebase emulators:start', decision: 'allow' },
      'firebase firestore:indexes',
      'firebase database:get /users',
      'firebase functions:list',
      'FIRESTORE_EMULATOR_HOST=localhost:8080 firebase firestore:delete -r users',
      'firebase firestore:delete --help',
      { line: 'firebase projects:list', decision: 'allow' },
    ],
  },
});
