// Google Cloud (gcloud, gsutil): [expected decision, command line, rule that must decide it].
import type { Corpus } from './types';

export default [
  ['ask', 'gsutil -m rm -r gs://my-bucket/logs', 'gcloud.storage-delete'],
  ['ask', 'gcloud compute disks delete data-disk --zone us-central1-a', 'gcloud.delete-operation'],
  ['ask', 'gcloud run services delete api --region europe-west1', 'gcloud.delete-operation'],
  ['ask', 'CLOUDSDK_CORE_PROJECT=prod gcloud functions delete api', 'gcloud.delete-operation'],
  ['allow', 'gcloud config list'],
  ['allow', 'gcloud config set project my-project'],
  ['allow', 'gcloud sql instances describe prod-db'],
  ['allow', 'gcloud run deploy api --source .'],
  ['allow', 'gcloud help compute instances delete'],
  ['allow', 'gcloud logging read "severity>=ERROR" --limit 10'],
  ['ask', 'npx firebase-tools database:remove /users --force -P prod', 'gcloud.firebase-delete'],
  ['allow', 'firebase deploy --only hosting'],
  ['allow', 'FIRESTORE_EMULATOR_HOST=localhost:8080 firebase firestore:delete -r users --yes'],
] satisfies Corpus;
