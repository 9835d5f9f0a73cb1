import { definePack } from '../../rule';
import circleci from './circleci';
import gitlabRunner from './gitlab-runner';
import jenkinsCli from './jenkins-cli';

export default definePack({
  id: 'cicd',
  name: 'CI/CD',
  description: 'Jenkins CLI, gitlab-runner and the CircleCI CLI: deleting jobs, agents, credentials, runners, contexts and orbs.',
  rules: [jenkinsCli, gitlabRunner, circleci],
});
