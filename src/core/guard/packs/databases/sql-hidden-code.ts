import { defineRule } from '../../rule';
import { SQL_CLIENT_TOOLS } from './clients';
import { sqlHazardVerdict } from './sql-hazard-rule';

/**
 * SQL whose effect is hidden from a reader: a function or procedure whose stored body drops or
 * empties tables when it is called later (or fires as a trigger), and procedural code that runs
 * SQL it builds at run time (`EXECUTE format('DROP TABLE %I', t)`).
 */
export default defineRule({
  id: 'databases.sql-hidden-code',
  resource: 'whatever the stored or generated SQL destroys when it runs',
  severity: 'high',
  decision: 'ask',
  reason: 'Creates a function or procedure whose body destroys data when called, or runs SQL built only when the code runs, which Airlock cannot read.',
  suggestion: 'Run the statements themselves, spelled out, where a person can read them.',
  tools: SQL_CLIENT_TOOLS,
  match: (command, context) =>
    sqlHazardVerdict(command, context, ['stored-code', 'dynamic-sql'], (object) =>
      object.startsWith('SQL built')
        ? 'Runs SQL built when the code runs, which Airlock cannot read'
        : `Creates ${object}, whose body destroys data when it is called`,
    ),
  examples: {
    match: [
      { line: `psql -c 'CREATE FUNCTION f() RETURNS void AS $$ DROP TABLE users $$ LANGUAGE sql'`, decision: 'ask' },
      `psql -c "CREATE OR REPLACE FUNCTION purge() RETURNS trigger AS 'BEGIN DELETE FROM orders; RETURN NULL; END' LANGUAGE plpgsql"`,
      { line: `psql -c "DO \\$\\$ BEGIN EXECUTE format('DROP TABLE %I', 'users'); END \\$\\$"`, decision: 'ask' },
      `psql <<'SQL'\nDO $$ DECLARE t text; BEGIN FOR t IN SELECT tablename FROM pg_tables LOOP EXECUTE 'TRUNCATE ' || t; END LOOP; END $$;\nSQL`,
    ],
    noMatch: [
      { line: `psql -c 'CREATE FUNCTION add(a int, b int) RETURNS int AS $$ SELECT a + b $$ LANGUAGE sql'`, decision: 'allow' },
      { line: `psql -c "DO \\$\\$ BEGIN RAISE NOTICE 'hi'; END \\$\\$"`, decision: 'allow' },
      'psql -c "EXECUTE myplan(1)"',
      'psql -c "SELECT 1"',
    ],
  },
});
