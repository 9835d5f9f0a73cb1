import { definePack } from '../../rule';
import circleci from './circleci';
import concourse from './concourse';
import gitlabRunner from './gitlab-runner';
import jenkinsCli from './jenkins-cli';

export default definePack({
  id: 'cicd',
  name: 'CI/CD',
  description:
    "Jenkins CLI, gitlab-runner and the CircleCI CLI and Concourse's fly: deleting jobs, agents, credentials, runners, contexts, orbs, pipelines and teams.",
  rules: [jenkinsCli, gitlabRunner, circleci, concourse],
});
