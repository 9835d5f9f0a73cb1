// PlanetScale CLI: [expected decision, command line, rule that must decide it].
import type { Corpus } from './types';

export default [
  ['allow', 'pscale deploy-request create shop feature-x'],
  ['allow', 'pscale connect shop main'],
  ['allow', "pscale shell shop dev <<< 'SHOW TABLES'"],
] satisfies Corpus;
