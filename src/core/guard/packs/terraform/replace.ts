import { defineRule } from '../../rule';
import { TERRAFORM_KEYWORDS, TERRAFORM_TOOLS, terraformRun } from './shape';

/** Every `-replace=ADDR` / `-replace ADDR` on the line. */
function replaced(args: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '-replace' || arg === '--replace') {
      if (args[i + 1]) out.push(args[i + 1]!);
      i++;
    } else if (/^--?replace=/.test(arg)) out.push(arg.slice(arg.indexOf('=') + 1));
  }
  return out;
}

/**
 * `apply -replace=ADDR` destroys the resource and creates a new one: a database, disk or bucket
 * comes back empty. `taint` marks it for the same on the next apply.
 */
export default defineRule({
  id: 'terraform.replace',
  resource: 'the resources named, destroyed and recreated empty',
  severity: 'high',
  decision: 'ask',
  reason: 'Destroys and recreates the named resources: a replaced database, disk or bucket comes back empty.',
  suggestion: 'Run `terraform plan -replace=ADDR` first and read what is destroyed; snapshot any data the resource holds.',
  keywords: TERRAFORM_KEYWORDS,
  tools: TERRAFORM_TOOLS,
  match: (command) => {
    const run = terraformRun(command);
    if (!run) return undefined;
    const [sub, address] = run.words;
    if (sub === 'taint' && address) return { reason: `${command.argv[0]} taint ${address}: the next apply destroys and recreates it.`, severity: 'medium' };
    if (sub !== 'apply') return undefined;
    const addresses = replaced(run.args);
    if (addresses.length === 0) return undefined;
    const data = addresses.some((a) => /(db|database|rds|sql|disk|volume|bucket|storage|table|redis|elasticache|efs|ebs)/i.test(a));
    return {
      reason: `${command.argv[0]} apply -replace destroys and recreates ${addresses.join(', ')}${data ? ', which holds data: it comes back empty' : ''}.`,
      ...(data ? { severity: 'critical' as const } : {}),
    };
  },
  examples: {
    match: [
      { line: 'terraform apply -replace=aws_db_instance.main', decision: 'ask', severity: 'critical' },
      { line: 'terraform apply -replace="aws_instance.web"', decision: 'ask', severity: 'high' },
      'tofu apply -replace aws_instance.web -auto-approve',
      { line: 'terraform taint aws_db_instance.main', decision: 'ask', severity: 'medium' },
    ],
    noMatch: [
      { line: 'terraform plan -replace=aws_db_instance.main', decision: 'allow' },
      { line: 'terraform apply', decision: 'allow' },
      'terraform untaint aws_db_instance.main',
      'terraform apply -replace=aws_instance.web --help',
    ],
  },
});
