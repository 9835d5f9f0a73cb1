import { definePack } from '../../rule';
import interpreterWrite from './interpreter-write';
import redirect from './redirect';
import removeOrMove from './remove-or-move';
import writeTool from './write-tool';

/**
 * Airlock's own files are guarded files: its config and policy, its log and state, its runtime
 * folder, the launcher's storage and each agent's hook files (the list is one module,
 * `core/protection/airlock-files.ts`). Changing them could turn Airlock off, so it asks, typed.
 */
export const airlockSelfPack = definePack({
  id: 'airlock-self',
  name: "Airlock's own files",
  description:
    "Writes, moves, truncation and deletes of Airlock's config, policy, log, runtime folder, launcher storage and the agents' hook files: through redirects, tee, cp, mv, rm, sed -i and interpreters.",
  rules: [redirect, writeTool, removeOrMove, interpreterWrite],
});

export default airlockSelfPack;
