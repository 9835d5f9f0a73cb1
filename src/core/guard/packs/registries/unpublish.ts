import { defineRule } from '../../rule';
import { REGISTRY_TOOLS, registryWords } from './shape';

/** Taking a published version back: everyone who depends on it breaks, and npm never lets the same version be published again. */
export default defineRule({
  id: 'registries.unpublish',
  resource: 'a published package version (or the whole package) on the registry',
  severity: 'critical',
  decision: 'ask',
  reason: 'Removes a published package or version from the registry: every project that installs it breaks, and the same version can never be published again.',
  suggestion: 'Deprecate the version instead (`npm deprecate pkg@1.0.0 "reason"`), or publish a fixed one.',
  keywords: ['unpublish', 'yank'],
  tools: REGISTRY_TOOLS,
  match(command) {
    const tool = command.argv[0];
    for (const words of registryWords(command)) {
      if ((tool === 'npm' || tool === 'pnpm' || tool === 'yarn') && words[0] === 'unpublish') {
        return {
          reason: `${tool} unpublish removes ${words[1] ?? 'the package in this folder'} from the registry; dependants break and the version can never be reused.`,
        };
      }
      if ((tool === 'cargo' || tool === 'gem') && words[0] === 'yank' && !command.argv.includes('--undo')) {
        return {
          severity: 'high',
          reason: `${tool} yank withdraws ${words[1] ?? 'a version'} from the registry: new installs and lockfile updates can no longer resolve it.`,
        };
      }
    }
    return undefined;
  },
  examples: {
    match: [
      { line: 'npm unpublish my-pkg@1.0.0', decision: 'ask', severity: 'critical' },
      'npm unpublish my-pkg --force',
      'npm --registry https://npm.acme.dev unpublish @acme/ui@2.0.1',
      'pnpm unpublish my-pkg',
      'yarn npm unpublish',
      { line: 'cargo yank --version 1.0.1 my-crate', decision: 'ask', severity: 'high' },
      'gem yank my_gem -v 0.3.0',
    ],
    noMatch: [
      { line: 'npm publish', decision: 'allow' },
      { line: 'npm unpublish my-pkg@1.0.0 --dry-run', decision: 'allow' },
      { line: 'npm help unpublish', decision: 'allow' },
      'npm deprecate my-pkg@1.0.0 "use 1.0.2"',
      'cargo yank --undo --version 1.0.1 my-crate',
      'npm view my-pkg versions',
    ],
  },
});
