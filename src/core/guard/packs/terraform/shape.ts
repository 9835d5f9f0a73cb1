import { asksForHelp, hasOption, positionals } from '../../../argv';
import type { SimpleCommand } from '../../../shell/command';

/** Terraform, OpenTofu and Terragrunt share one command language. */
export const TERRAFORM_TOOLS = ['terraform', 'tofu', 'terragrunt'];
export const TERRAFORM_KEYWORDS = ['terraform', 'tofu', 'terragrunt'];
const TERRAFORM_VALUED = ['-var', '-var-file', '-target', '-replace', '-state', '-state-out', '-backup', '-out', '-lock-timeout', '-parallelism', '-chdir'];

export interface TerraformRun {
  /** The terraform subcommand and its operands, e.g. ['state', 'rm', 'aws_db_instance.main']. */
  words: string[];
  /** The arguments after the tool name, with those TF_CLI_ARGS adds. */
  args: string[];
  /** Terragrunt runs it over every module below the current one (`run-all`, `--all`, `*-all`). */
  allModules: boolean;
  /** It will not stop to ask: -auto-approve, or terragrunt's non-interactive mode and `*-all` commands. */
  unattended: boolean;
}

/**
 * What terraform will actually run. Terragrunt's `run-all X`, `run --all X`, `run -- X` and the
 * older `X-all` forms all come down to terraform's `X`; help requests run nothing.
 */
export function terraformRun(command: SimpleCommand): TerraformRun | undefined {
  // Terragrunt passes what follows `--` to terraform: its flags count as much as those before.
  const args = command.argv.slice(1).filter((a) => command.argv[0] !== 'terragrunt' || a !== '--');
  if (asksForHelp(args)) return undefined;
  let words = positionals(args, TERRAFORM_VALUED);
  let allModules = hasOption(args, '--all', '--terragrunt-all');
  let unattended = hasOption(args, '-auto-approve', '--auto-approve', '--non-interactive', '--terragrunt-non-interactive');
  if (command.argv[0] === 'terragrunt') {
    if (words[0] === 'run-all') {
      allModules = true;
      words = words.slice(1);
    } else if (words[0] === 'run') {
      words = words.slice(1);
    }
    const legacyAll = /^(apply|destroy|plan|output|validate)-all$/.exec(words[0] ?? '');
    if (legacyAll) {
      allModules = true;
      unattended = unattended || legacyAll[1] !== 'plan';
      words = [legacyAll[1]!, ...words.slice(1)];
    }
  }
  if (!words.length) return undefined;
  // TF_CLI_ARGS and TF_CLI_ARGS_<command> add arguments the line does not show (`TF_CLI_ARGS_apply=-auto-approve`).
  const hidden = [command.assignments.TF_CLI_ARGS, command.assignments[`TF_CLI_ARGS_${words[0]}`]]
    .filter((v): v is string => v !== undefined)
    .flatMap((v) => v.split(/\s+/).filter(Boolean));
  const all = [...args, ...hidden];
  unattended = unattended || hasOption(hidden, '-auto-approve', '--auto-approve');
  return { words, args: all, allModules, unattended };
}
