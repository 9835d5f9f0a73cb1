// CI/CD tools (Jenkins CLI, gitlab-runner, CircleCI CLI): [expected decision, command line, rule that must decide it].
import type { Corpus } from './types';

export default [
  ['ask', 'java -jar jenkins-cli.jar -s http://jenkins.local/ delete-view prod-view', 'cicd.jenkins-cli'],
  ['ask', 'sudo gitlab-runner unregister --name runner-prod', 'cicd.gitlab-runner-unregister'],
  ['allow', 'java -jar jenkins-cli.jar -s http://jenkins.local/ build deploy-staging -p TAG=v1'],
  ['allow', 'java -jar target/app.jar'],
  ['allow', 'gitlab-runner list'],
  ['allow', 'circleci local execute build'],
] satisfies Corpus;
