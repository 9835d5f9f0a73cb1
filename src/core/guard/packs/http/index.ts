import { definePack } from '../../rule';
import destructiveSql from './destructive-sql';
import graphqlDestructiveMutation from './graphql-destructive-mutation';
import graphqlUnreadable from './graphql-unreadable';
import restDelete from './rest-delete';
import unseenBody from './unseen-body';

export default definePack({
  id: 'http',
  name: 'HTTP APIs',
  description:
    'curl, wget, HTTPie, xh, gh api and PowerShell web requests: destructive GraphQL mutations (Railway volumeDelete...), destructive SQL sent to SQL-over-HTTP APIs, REST DELETEs to remote hosts, and bodies Airlock cannot read sent to provider APIs.',
  rules: [graphqlDestructiveMutation, graphqlUnreadable, destructiveSql, restDelete, unseenBody],
});
