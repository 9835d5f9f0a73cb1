/** How doctl reads its arguments; `d`, `rm` and `del` are its aliases for delete (but see `isDoctlDelete`). */
export const DOCTL_TOOLS = ['doctl'];
export const DOCTL_KEYWORDS = ['doctl'];
export const DOCTL_VALUED = [
  '-t',
  '--access-token',
  '-c',
  '--config',
  '--context',
  '-o',
  '--output',
  '-u',
  '--api-url',
  '--format',
  '--region',
  '--size',
  '--image',
];
export const DOCTL_DELETE = ['delete', 'd', 'rm', 'del'];

/**
 * doctl's `d` means delete only as a verb: it is also the alias of `droplet` (after `compute`) and
 * of `databases` (as the first word), so `doctl compute d ls` lists droplets, `doctl d p rm` deletes a
 * database pool, and `doctl compute d d web` deletes a droplet.
 */
export function isDoctlDelete(word: string, index: number, words: readonly string[]): boolean {
  if (word !== 'd') return DOCTL_DELETE.includes(word) && index > 0;
  return index > 0 && words[index - 1] !== 'compute';
}
