import { definePack } from '../../rule';
import authRevoke from './auth-revoke';
import deleteOperation from './delete-operation';
import firebaseDelete from './firebase-delete';
import projectDelete from './project-delete';
import protectionOff from './protection-off';
import sqlDelete from './sql-delete';
import sqlImport from './sql-import';
import storageDelete from './storage-delete';

export default definePack({
  id: 'gcloud',
  name: 'Google Cloud',
  description: 'gcloud, gsutil and firebase: deleting projects, Cloud SQL, Cloud Storage objects and buckets, and every other resource.',
  helpSubcommand: ['gcloud'],
  packages: { 'firebase-tools': 'firebase' },
  rules: [projectDelete, sqlDelete, storageDelete, deleteOperation, protectionOff, firebaseDelete, sqlImport, authRevoke],
});
