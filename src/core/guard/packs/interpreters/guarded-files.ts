/**
 * Single files whose deletion Airlock asks about even without `-r`: system files, credentials
 * and settings in the home folder, and database files. Everything else is a routine delete.
 */
const SYSTEM_DIRS = /^(\/etc|\/usr|\/bin|\/sbin|\/boot|\/lib|\/lib32|\/lib64|\/opt|\/var\/lib|\/System|\/Library|[A-Za-z]:\\Windows)(\/|\\|$)/;
const HOME_SECRETS = /^(~|\$HOME|\/home\/[^/]+|\/Users\/[^/]+|\/root)\/\.(ssh|aws|kube|gnupg|config|docker|azure|gcloud|netrc|pgpass|npmrc)(\/|$)/;
const DATABASE_FILE = /\.(db|sqlite|sqlite3|db3|mdb|accdb|frm|ibd)$/i;

export function guardedFileKind(path: string): string | undefined {
  if (SYSTEM_DIRS.test(path)) return 'a system file';
  if (HOME_SECRETS.test(path)) return 'credentials or settings in the home folder';
  if (DATABASE_FILE.test(path)) return 'a database file';
  return undefined;
}
