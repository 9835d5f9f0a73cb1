// DigitalOcean (doctl): [expected decision, command line, rule that must decide it].
import type { Corpus } from './types';

export default [
  ['ask', 'doctl kubernetes cluster delete prod --dangerous', 'digitalocean.kubernetes-delete'],
  ['ask', 'doctl compute droplet rm web-1', 'digitalocean.resource-delete'],
  ['allow', 'doctl compute droplet create web-2 --size s-1vcpu-1gb --image ubuntu-22-04-x64'],
  ['allow', 'doctl compute droplet delete --help'],
  ['allow', 'doctl account get'],
] satisfies Corpus;
