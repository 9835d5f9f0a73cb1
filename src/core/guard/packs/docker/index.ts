import { definePack } from '../../rule';
import composeDownVolumes from './compose-down-volumes';
import containerRemoveVolumes from './container-remove-volumes';
import dataContainerRemove from './data-container-remove';
import execDestructive from './exec-destructive';
import runDestructive from './run-destructive';
import swarmRemove from './swarm-remove';
import systemPrune from './system-prune';
import systemPruneVolumes from './system-prune-volumes';
import volumeRemove from './volume-remove';

export default definePack({
  id: 'docker',
  name: 'Docker and Compose',
  description: 'docker, podman and compose: removing volumes, prune with volumes, down -v, rm -v, destructive exec and run with mounted volumes.',
  helpSubcommand: ['docker'],
  rules: [
    volumeRemove,
    systemPruneVolumes,
    composeDownVolumes,
    containerRemoveVolumes,
    execDestructive,
    runDestructive,
    systemPrune,
    swarmRemove,
    dataContainerRemove,
  ],
});
