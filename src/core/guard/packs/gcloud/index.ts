import authRevoke from './auth-revoke';
import { definePack } from '../../rule';
import deleteOperation from './delete-operation';
import projectDelete from './project-delete';
import sqlDelete from './sql-delete';
import storageDelete from './storage-delete';
import protectionOff from './protection-off';
import firebaseDelete from './firebase-delete';
import sqlImport from './sql-import';

export default definePack({
  id: 'gcloud',
  name: 'Google Cloud',
  description: 'gcloud, gsutil and firebase: deleting projects, Cloud SQL, Cloud Storage objects and buckets, and every other resource.',
  helpSubcommand: ['gcloud'],
  packages: { 'firebase-tools': 'firebase' },
  rules: [projectDelete, sqlDelete, storageDelete, deleteOperation, protectionOff, firebaseDelete, sqlImport, authRevoke],
});
