// PlanetScale CLI: [expected decision, command line, rule that must decide it].
import type { Corpus } from './types';

export default [
  ['ask', 'pscale database delete shop --force', 'planetscale.database-delete'],
  ['ask', 'pscale db delete shop', 'planetscale.database-delete'],
  ['ask', 'pscale branch delete shop feature-x --force', 'planetscale.branch-delete'],
  ['ask', 'pscale backup delete shop main bk_123', 'planetscale.resource-delete'],
  ['ask', 'pscale password delete shop main pw_1 --force', 'planetscale.resource-delete'],
  ['allow', 'pscale database list'],
  ['allow', 'pscale branch list shop'],
  ['allow', 'pscale branch create shop feature-x'],
  ['allow', 'pscale deploy-request create shop feature-x'],
  ['allow', 'pscale connect shop main'],
  ['allow', 'pscale database dump shop main'],
  ['ask', "pscale shell shop main <<< 'DROP TABLE orders'", 'planetscale.shell-sql'],
  ['allow', "pscale shell shop dev <<< 'SHOW TABLES'"],
] satisfies Corpus;
