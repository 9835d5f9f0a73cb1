import { defineRule } from '../../rule';
import { matchPath } from '../cli-words';

/** Concourse's `fly` (not Fly.io's, which shares the name but has none of these commands). */
const FLY_VALUED = ['-t', '--target', '-p', '--pipeline', '-n', '--team-name', '--team', '-j', '--job', '-c', '--config'];

/** Concourse pipelines and teams: destroying one deletes its build history and resources' versions. */
export default defineRule({
  id: 'cicd.concourse-destroy',
  resource: 'a Concourse pipeline or team, with its build history',
  severity: 'high',
  decision: 'ask',
  reason: 'Destroys a Concourse pipeline or team: its configuration, every build log and the resource versions it tracked are deleted.',
  suggestion: 'Pause it instead (`fly -t TARGET pause-pipeline -p NAME`), or save the config first (`fly get-pipeline`).',
  keywords: ['destroy-pipeline', 'dp', 'destroy-team', 'dt'],
  tools: ['fly'],
  match: (command) => {
    const words = matchPath(command, FLY_VALUED, [['destroy-pipeline', 'dp', 'destroy-team', 'dt']]);
    if (!words) return undefined;
    return words[0] === 'destroy-team' || words[0] === 'dt' ? { severity: 'critical', resource: 'a Concourse team, with every pipeline and build in it' } : {};
  },
  examples: {
    match: [
      { line: 'fly -t ci destroy-pipeline -p main', decision: 'ask' },
      'fly destroy-pipeline -p main -n',
      'fly -t ci dp -p deploy',
      { line: 'fly -t ci destroy-team --team-name payments', decision: 'ask', severity: 'critical' },
    ],
    noMatch: [
      { line: 'fly -t ci pipelines', decision: 'allow' },
      { line: 'fly -t ci pause-pipeline -p main', decision: 'allow' },
      'fly -t ci set-pipeline -p main -c ci.yml',
      { line: 'fly deploy', decision: 'allow' },
      'fly apps list',
    ],
  },
});
