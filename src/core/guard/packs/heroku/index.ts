import { definePack } from '../../rule';
import addonDestroy from './addon-destroy';
import appDestroy from './app-destroy';
import backupDelete from './backup-delete';
import configUnset from './config-unset';
import pgOverwrite from './pg-overwrite';
import pgPsql from './pg-psql';
import pgReset from './pg-reset';
import runDestructive from './run-destructive';
import scaleToZero from './scale-to-zero';

export default definePack({
  id: 'heroku',
  name: 'Heroku',
  description: 'Heroku CLI: destroying apps and add-ons, resetting or overwriting Postgres, deleting backups and config vars.',
  helpSubcommand: ['heroku'],
  packages: { heroku: 'heroku' },
  rules: [appDestroy, pgReset, addonDestroy, pgOverwrite, backupDelete, configUnset, runDestructive, scaleToZero, pgPsql],
});
