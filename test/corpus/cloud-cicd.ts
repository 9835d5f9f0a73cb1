// CI/CD tools (Jenkins CLI, gitlab-runner, CircleCI CLI): [expected decision, command line, rule that must decide it].
import type { Corpus } from './types';

export default [
  ['ask', 'java -jar jenkins-cli.jar -s http://jenkins.local/ delete-job deploy-prod', 'cicd.jenkins-cli'],
  ['ask', 'java -jar jenkins-cli.jar -s http://jenkins.local/ delete-node agent-1', 'cicd.jenkins-cli'],
  ['ask', 'java -jar jenkins-cli.jar -s http://jenkins.local/ delete-view prod-view', 'cicd.jenkins-cli'],
  ['ask', 'gitlab-runner unregister --all-runners', 'cicd.gitlab-runner-unregister'],
  ['ask', 'sudo gitlab-runner unregister --name runner-prod', 'cicd.gitlab-runner-unregister'],
  ['ask', 'circleci context delete org/my-org context/prod', 'cicd.circleci-delete'],
  ['ask', 'circleci context remove-secret org/my-org context/prod AWS_ACCESS_KEY_ID', 'cicd.circleci-delete'],
  ['ask', 'circleci orb delete my-org/my-orb', 'cicd.circleci-delete'],
  ['allow', 'java -jar jenkins-cli.jar -s http://jenkins.local/ list-jobs'],
  ['allow', 'java -jar jenkins-cli.jar -s http://jenkins.local/ build deploy-staging -p TAG=v1'],
  ['allow', 'java -jar target/app.jar'],
  ['allow', 'gitlab-runner list'],
  ['allow', 'gitlab-runner verify'],
  ['allow', 'circleci config validate .circleci/config.yml'],
  ['allow', 'circleci context list org/my-org'],
  ['allow', 'circleci local execute build'],
] satisfies Corpus;
