/** How the Supabase CLI reads its arguments. */
export const SUPABASE_TOOLS = ['supabase'];
export const SUPABASE_KEYWORDS = ['supabase'];
export const SUPABASE_VALUED = ['--workdir', '--project-ref', '--db-url', '-o', '--output', '--profile', '--password', '-p', '--dns-resolver', '--network-id'];
