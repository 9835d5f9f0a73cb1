/** How flyctl reads its arguments. `fly` and `flyctl` are the same binary. */
export const FLY_TOOLS = ['fly', 'flyctl'];
export const FLY_KEYWORDS = ['fly', 'flyctl'];
export const FLY_VALUED = ['-a', '--app', '-c', '--config', '-r', '--region', '-o', '--org', '-t', '--access-token', '-s', '--size', '--image'];
export const FLY_DESTROY = ['destroy', 'delete', 'remove', 'rm'];
