// DigitalOcean (doctl): [expected decision, command line, rule that must decide it].
import type { Corpus } from './types';

export default [
  ['ask', 'doctl databases delete 9cc10173 --force', 'digitalocean.database-delete'],
  ['ask', 'doctl databases db delete 9cc10173 app', 'digitalocean.database-delete'],
  ['ask', 'doctl compute volume delete 506f78a4 --force', 'digitalocean.volume-delete'],
  ['ask', 'doctl kubernetes cluster delete prod --dangerous', 'digitalocean.kubernetes-delete'],
  ['ask', 'doctl compute droplet delete web-1 --force', 'digitalocean.resource-delete'],
  ['ask', 'doctl apps delete 4f6c71e2', 'digitalocean.resource-delete'],
  ['ask', 'doctl compute droplet rm web-1', 'digitalocean.resource-delete'],
  ['allow', 'doctl compute droplet list'],
  ['allow', 'doctl databases list'],
  ['allow', 'doctl apps list'],
  ['allow', 'doctl kubernetes cluster kubeconfig save prod'],
  ['allow', 'doctl compute droplet create web-2 --size s-1vcpu-1gb --image ubuntu-22-04-x64'],
  ['allow', 'doctl compute droplet delete --help'],
  ['allow', 'doctl account get'],
] satisfies Corpus;
