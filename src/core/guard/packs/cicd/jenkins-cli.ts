import { asksForHelp } from '../../../argv';
import { defineRule } from '../../rule';

/** `java -jar jenkins-cli.jar [-s URL] [-auth …] COMMAND …`: options of the client that take a value. */
const CLIENT_VALUED = ['-s', '-auth', '-i', '-user', '-webSocket', '-logger', '-bearer'];
const DESTRUCTIVE =
  /^(delete-(job|jobs|node|view|builds|credentials|credentials-domain)|clear-queue|disable-job|safe-shutdown|shutdown|restart|safe-restart|groovy|groovysh)$/;

export default defineRule({
  id: 'cicd.jenkins-cli',
  resource: 'Jenkins jobs, build agents, views, builds or credentials',
  severity: 'high',
  decision: 'ask',
  reason: 'The Jenkins CLI deletes jobs (with their build history), agents, views, builds or credentials, stops the server, or runs a Groovy script on it.',
  suggestion: "Back up JENKINS_HOME (or at least the job's config.xml) first, and check the server URL.",
  keywords: ['jenkins-cli'],
  tools: ['java'],
  match: (command) => {
    const args = command.argv.slice(1);
    const jar = args.findIndex((a, i) => args[i - 1] === '-jar' && /(^|\/)jenkins-cli\.jar$/.test(a));
    if (jar < 0) return undefined;
    const rest = args.slice(jar + 1);
    let i = 0;
    while (i < rest.length && rest[i]!.startsWith('-')) i += CLIENT_VALUED.includes(rest[i]!) ? 2 : 1;
    const verb = rest[i];
    if (!verb || !DESTRUCTIVE.test(verb) || asksForHelp(rest.slice(i + 1))) return undefined;
    return /^delete-(credentials|node)|groovy/.test(verb) ? { severity: 'critical' } : {};
  },
  examples: {
    match: [
      { line: 'java -jar jenkins-cli.jar -s http://jenkins.local/ delete-job deploy-prod', decision: 'ask' },
      { line: 'java -jar jenkins-cli.jar -s http://jenkins.local/ delete-node agent-1', decision: 'ask' },
      'java -jar /opt/jenkins-cli.jar -s http://j/ -auth @creds delete-view prod-view',
    ],
    noMatch: [
      { line: 'java -jar jenkins-cli.jar -s http://jenkins.local/ list-jobs', decision: 'allow' },
      'java -jar jenkins-cli.jar -s http://jenkins.local/ get-job deploy-prod',
      'java -jar app.jar delete-job x',
      'java -version',
    ],
  },
});
