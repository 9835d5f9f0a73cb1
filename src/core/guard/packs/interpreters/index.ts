import { definePack } from '../../rule';
import fileDelete from './file-delete';
import graphqlMutation from './graphql-mutation';
import httpDelete from './http-delete';
import recursiveDelete from './recursive-delete';
import spawnedCommand from './spawned-command';
import unreadableProgram from './unreadable-program';

export default definePack({
  id: 'interpreters',
  name: 'Interpreter one-liners',
  description:
    'python -c, node -e, ruby -e, perl -e, deno eval, bun -e, php -r, programs fed on standard input and script files in the workspace: recursive deletes, spawned commands Airlock guards, HTTP DELETEs and destructive GraphQL mutations.',
  rules: [recursiveDelete, fileDelete, spawnedCommand, httpDelete, graphqlMutation, unreadableProgram],
});
