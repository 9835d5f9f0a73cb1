import { definePack } from '../../rule';
import appDestroy from './app-destroy';
import configRemove from './config-remove';
import connectSql from './connect-sql';
import databaseDestroy from './database-destroy';
import machineDestroy from './machine-destroy';
import scaleToZero from './scale-to-zero';
import sshDestructive from './ssh-destructive';
import volumeDestroy from './volume-destroy';

export default definePack({
  id: 'fly',
  name: 'Fly.io',
  description: 'flyctl: destroying apps, volumes, managed databases and machines; removing secrets, IPs and certificates.',
  helpSubcommand: ['fly', 'flyctl'],
  rules: [appDestroy, volumeDestroy, databaseDestroy, machineDestroy, configRemove, sshDestructive, scaleToZero, connectSql],
});
