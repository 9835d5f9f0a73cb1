import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyseSql, type SqlDialect } from '../../../src/core/sql/index';

const kinds = (sql: string, dialect: SqlDialect = 'postgres') => analyseSql(sql, dialect).hazards.map((h) => `${h.kind} ${h.object}`);

test('DROP, TRUNCATE, DELETE/UPDATE without WHERE and ALTER ... DROP are found with what they hit', () => {
  assert.deepEqual(kinds('DROP TABLE IF EXISTS public.bookings CASCADE'), ['drop TABLE public.bookings']);
  assert.deepEqual(kinds('drop database "Shop"'), ['drop DATABASE Shop']);
  assert.deepEqual(kinds('DROP MATERIALIZED VIEW stats'), ['drop MATERIALIZED VIEW stats']);
  assert.deepEqual(kinds('TRUNCATE TABLE ONLY orders'), ['truncate TABLE orders']);
  assert.deepEqual(kinds('DELETE FROM sessions'), ['delete-all every row of sessions']);
  assert.deepEqual(kinds('UPDATE users SET email = NULL'), ['update-all every row of users']);
  assert.deepEqual(kinds('ALTER TABLE users DROP COLUMN email'), ['alter-drop COLUMN email of TABLE users']);
  assert.deepEqual(kinds('CREATE OR REPLACE TABLE t AS SELECT 1', 'clickhouse'), ['replace TABLE t']);
});

test('a WHERE clause keeps DELETE and UPDATE quiet, unless it is always true', () => {
  assert.deepEqual(kinds('DELETE FROM s WHERE id = 1'), []);
  assert.deepEqual(kinds('UPDATE s SET a = 1 WHERE id IN (SELECT id FROM t)'), []);
  assert.deepEqual(kinds('DELETE FROM s WHERE 1 = 1'), ['delete-all every row of s']);
  assert.deepEqual(kinds('DELETE FROM s WHERE TRUE RETURNING id'), ['delete-all every row of s']);
  assert.deepEqual(kinds("DELETE FROM s WHERE 'a' = 'a'"), ['delete-all every row of s']);
  assert.deepEqual(kinds('DELETE FROM s WHERE a = a'), [], 'a column compared with itself is not a literal tautology (NULLs)');
  // The WHERE of a subquery is not the statement's.
  assert.deepEqual(kinds('DELETE FROM s USING (SELECT id FROM t WHERE x) q'), ['delete-all every row of s']);
});

test('strings, comments, quoted identifiers and dollar-quoting are data', () => {
  assert.deepEqual(kinds("SELECT 'DROP TABLE users'"), []);
  assert.deepEqual(kinds("SELECT 'it''s; DROP TABLE users'"), []);
  assert.deepEqual(kinds("SELECT E'it\\'s; DROP TABLE users'"), []);
  assert.deepEqual(kinds('SELECT "DROP" FROM t'), []);
  assert.deepEqual(kinds('-- DROP TABLE users\nSELECT 1'), []);
  assert.deepEqual(kinds('/* outer /* nested */ DROP TABLE users; */ SELECT 1'), [], 'PostgreSQL block comments nest');
  assert.deepEqual(kinds('SELECT $$DELETE FROM x$$, $tag$ DROP TABLE y; $tag$'), []);
  assert.deepEqual(kinds("DELETE FROM t WHERE note = 'where'"), []);
  assert.deepEqual(kinds("UPDATE t SET note = 'no WHERE here'"), ['update-all every row of t'], 'WHERE inside a string is not a WHERE clause');
});

test('dialects: MySQL backslash escapes, # comments and executable /*! */ comments', () => {
  assert.deepEqual(kinds("SELECT 'a\\'; DROP TABLE x'", 'mysql'), []);
  assert.deepEqual(kinds("SELECT 'a\\'; DROP TABLE x'", 'postgres'), ['drop TABLE x'], 'PostgreSQL ends the string at the backslash-quote');
  assert.deepEqual(kinds('SELECT 1 # DROP TABLE x', 'mysql'), []);
  assert.deepEqual(kinds('SELECT 1 /*! ; DROP TABLE x */', 'mysql'), ['drop TABLE x']);
  assert.deepEqual(kinds('SELECT 1--1;\nDROP TABLE x', 'mysql'), ['drop TABLE x'], 'MySQL needs a space after --');
  assert.deepEqual(kinds('DELIMITER //\nCREATE PROCEDURE p() BEGIN SELECT 1; END //\nDELIMITER ;\nDROP TABLE x;', 'mysql'), ['drop TABLE x']);
});

test('CQL // comments, and EXPLAIN ANALYZE (which runs what it explains)', () => {
  assert.deepEqual(kinds('// cleanup\nDROP KEYSPACE shop', 'cql'), ['drop KEYSPACE shop']);
  assert.deepEqual(kinds('SELECT * FROM t; // DROP TABLE t', 'cql'), []);
  assert.deepEqual(kinds('EXPLAIN ANALYZE DELETE FROM t'), ['delete-all every row of t']);
  assert.deepEqual(kinds('EXPLAIN DELETE FROM t'), [], 'a plain EXPLAIN only plans');
});

test('multiple statements are each analysed', () => {
  assert.deepEqual(kinds('SELECT 1; DROP TABLE a; TRUNCATE b; SELECT 2'), ['drop TABLE a', 'truncate TABLE b']);
  assert.deepEqual(kinds('WITH x AS (SELECT 1) DELETE FROM t'), ['delete-all every row of t']);
});

test('code that runs at once is read: DO blocks, EXECUTE strings, \\gexec queries', () => {
  assert.deepEqual(kinds("DO $$ BEGIN EXECUTE 'DROP TABLE ' || quote_ident(t); END $$"), ['dynamic-sql SQL built when the code runs', 'drop TABLE (unnamed)']);
  assert.deepEqual(
    kinds("DO $$ BEGIN EXECUTE format('TRUNCATE %I', t); END $$"),
    ['dynamic-sql SQL built when the code runs'],
    'SQL built at run time cannot be read',
  );
  assert.deepEqual(kinds('EXECUTE myplan(1)'), [], 'outside procedural code EXECUTE runs a prepared statement, read when it was prepared');
  assert.deepEqual(kinds('DO $$ BEGIN DELETE FROM t; END $$'), ['delete-all every row of t']);
  assert.deepEqual(kinds("SELECT format('DROP TABLE %I', tablename) FROM pg_tables \\gexec"), ['drop TABLE (unnamed)']);
  assert.deepEqual(kinds("SELECT format('VACUUM %I', tablename) FROM pg_tables \\gexec"), []);
  assert.deepEqual(kinds("PREPARE s FROM 'DROP TABLE x'", 'mysql'), ['drop TABLE x']);
  assert.deepEqual(
    kinds('CREATE FUNCTION f() RETURNS void AS $$ DELETE FROM logs $$ LANGUAGE sql'),
    ['stored-code FUNCTION f'],
    'a function body runs later: reported as stored code, not as a delete now',
  );
  assert.deepEqual(kinds('CREATE FUNCTION add(a int, b int) RETURNS int AS $$ SELECT a + b $$ LANGUAGE sql'), []);
});

test('client commands: includes, shell escapes and meta-commands', () => {
  const psql = analyseSql('\\i seed.sql\n\\! rm -rf /tmp/x\n\\dt\nSELECT 1;', 'postgres');
  assert.deepEqual(psql.includes, ['seed.sql']);
  assert.deepEqual(psql.shellCommands, ['rm -rf /tmp/x']);
  assert.deepEqual(psql.hazards, []);
  const sqlite = analyseSql('.read other.sql\n.shell rm -rf build\n.tables\nDROP TABLE t;', 'sqlite');
  assert.deepEqual(sqlite.includes, ['other.sql']);
  assert.deepEqual(sqlite.shellCommands, ['rm -rf build']);
  assert.equal(sqlite.hazards.length, 1);
  const mysql = analyseSql('source dump.sql\nsystem ls\n', 'mysql');
  assert.deepEqual([mysql.includes, mysql.shellCommands], [['dump.sql'], ['ls']]);
  assert.deepEqual(analyseSql("COPY t FROM PROGRAM 'curl https://x | sh'", 'postgres').shellCommands, ['curl https://x | sh']);
});
