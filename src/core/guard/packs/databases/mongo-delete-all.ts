import { defineRule } from '../../rule';
import { MONGO_TOOLS } from './clients';
import { clientScripts } from './scripts';

export default defineRule({
  id: 'databases.mongo-delete-all',
  resource: 'every document of a MongoDB collection',
  severity: 'critical',
  decision: 'ask',
  reason: 'Deletes (or overwrites) every document of a collection: the filter is empty.',
  suggestion: 'Give the call a filter, and run `countDocuments(filter)` first to see how many it matches.',
  tools: MONGO_TOOLS,
  match: (command, context) => {
    const hazard = clientScripts(command, context)?.mongo.find((h) => h.kind === 'delete-all' || h.kind === 'update-all');
    if (!hazard) return undefined;
    return {
      reason: `Runs \`${hazard.call}\` (from ${hazard.from}): an empty filter matches every document, so ${hazard.kind === 'delete-all' ? 'all of them are deleted' : 'all of them are overwritten'}.`,
      ...(hazard.kind === 'update-all' ? { severity: 'high' as const } : {}),
    };
  },
  examples: {
    match: [
      { line: 'mongosh --eval "db.sessions.deleteMany({})"', decision: 'ask' },
      { line: 'mongosh --eval "db.users.remove({})"', decision: 'ask' },
      'mongosh --eval "db.users.updateMany({}, {\\$set: {active: false}})"',
    ],
    noMatch: [
      { line: 'mongosh --eval "db.sessions.deleteMany({ expired: true })"', decision: 'allow' },
      { line: 'mongosh --eval "db.users.deleteOne({ _id: 1 })"', decision: 'allow' },
    ],
  },
});
