import { definePack } from '../../rule';
import clientShellCommand from './client-shell-command';
import djangoFlush from './django-flush';
import dropdb from './dropdb';
import frameworkConsole from './framework-console';
import knexRollbackAll from './knex-rollback-all';
import laravelDbWipe from './laravel-db-wipe';
import migrationTools from './migration-tools';
import mongoDeleteAll from './mongo-delete-all';
import mongoDrop from './mongo-drop';
import mysqladminDrop from './mysqladmin-drop';
import pgRestoreClean from './pg-restore-clean';
import prismaReset from './prisma-reset';
import railsDbReset from './rails-db-reset';
import redisBulkDelete from './redis-bulk-delete';
import redisFlush from './redis-flush';
import redisRawConnection from './redis-raw-connection';
import schemaDrop from './schema-drop';
import scriptUnreadable from './script-unreadable';
import sequelizeDrop from './sequelize-drop';
import serverTools from './server-tools';
import sqlAlterDrop from './sql-alter-drop';
import sqlDeleteAll from './sql-delete-all';
import sqlDrop from './sql-drop';
import sqlHiddenCode from './sql-hidden-code';
import sqlTruncate from './sql-truncate';
import sqlUpdateAll from './sql-update-all';

export default definePack({
  id: 'databases',
  name: 'Databases',
  description:
    'SQL clients (psql, mysql, sqlite3, clickhouse, cqlsh), mongosh, redis-cli and framework commands (rails, prisma, django, knex, sequelize, laravel, typeorm, drizzle, alembic, ecto, doctrine, dotnet ef, dropdb, pg_restore, mysqladmin): dropping, truncating and emptying data.',
  packages: { prisma: 'prisma', 'sequelize-cli': 'sequelize', knex: 'knex', typeorm: 'typeorm', 'drizzle-kit': 'drizzle-kit', mongosh: 'mongosh' },
  rules: [
    sqlDrop,
    sqlTruncate,
    sqlDeleteAll,
    sqlUpdateAll,
    sqlAlterDrop,
    scriptUnreadable,
    clientShellCommand,
    redisFlush,
    redisBulkDelete,
    mongoDrop,
    mongoDeleteAll,
    railsDbReset,
    prismaReset,
    djangoFlush,
    knexRollbackAll,
    sequelizeDrop,
    laravelDbWipe,
    schemaDrop,
    dropdb,
    pgRestoreClean,
    mysqladminDrop,
    sqlHiddenCode,
    serverTools,
    redisRawConnection,
    frameworkConsole,
    migrationTools,
  ],
});
