/** How doctl reads its arguments; `d`, `rm` and `del` are its aliases for delete. */
export const DOCTL_TOOLS = ['doctl'];
export const DOCTL_KEYWORDS = ['doctl'];
export const DOCTL_VALUED = ['-t', '--access-token', '-c', '--config', '--context', '-o', '--output', '-u', '--api-url', '--format', '--region', '--size', '--image'];
export const DOCTL_DELETE = ['delete', 'd', 'rm', 'del'];
