import { defineRule } from '../../rule';
import { MONGO_TOOLS } from './clients';
import { clientScripts } from './scripts';

export default defineRule({
  id: 'databases.mongo-drop',
  resource: 'a MongoDB database or collection and every document in it',
  severity: 'critical',
  decision: 'ask',
  reason: 'Drops a MongoDB database or collection with every document and index in it.',
  suggestion: 'Take a `mongodump` first, and check which cluster the connection string points at.',
  tools: MONGO_TOOLS,
  match: (command, context) => {
    const hazard = clientScripts(command, context)?.mongo.find((h) => h.kind === 'drop-database' || h.kind === 'drop-collection');
    if (!hazard) return undefined;
    return {
      reason: `Runs \`${hazard.call}\` (from ${hazard.from}): it drops a ${hazard.kind === 'drop-database' ? 'whole database' : 'collection'} and everything in it.`,
      severity: hazard.kind === 'drop-database' ? 'critical' : 'high',
    };
  },
  examples: {
    match: [
      { line: 'mongosh --eval "db.dropDatabase()"', decision: 'ask' },
      { line: 'mongosh "mongodb+srv://cluster0.example.net/shop" --eval \'db.orders.drop()\'', decision: 'ask' },
      { line: 'mongo shop --eval "db.getCollection(\'users\').drop()"', decision: 'ask' },
      "mongosh --quiet --eval 'db.runCommand({ dropDatabase: 1 })'",
    ],
    noMatch: [
      { line: 'mongosh --eval "db.orders.find().limit(5)"', decision: 'allow' },
      { line: 'mongosh --eval "print(\'db.dropDatabase()\')"', decision: 'allow' },
      'mongosh --eval "db.orders.countDocuments()"',
    ],
  },
});
