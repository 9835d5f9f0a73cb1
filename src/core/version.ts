declare const AIRLOCK_VERSION: string | undefined;

/** Injected by esbuild at build time; tests running from source read package.json instead. */
export const version: string = typeof AIRLOCK_VERSION === 'string' ? AIRLOCK_VERSION : (require('../../package.json') as { version: string }).version;
