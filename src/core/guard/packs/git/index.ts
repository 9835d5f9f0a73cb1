import { definePack } from '../../rule';
import branchForceDelete from './branch-force-delete';
import branchOverwrite from './branch-overwrite';
import cleanForce from './clean-force';
import configRewrite from './config-rewrite';
import discardFileChanges from './discard-file-changes';
import discardWorktree from './discard-worktree';
import extras from './extras';
import historyRewrite from './history-rewrite';
import pushDelete from './push-delete';
import pushForce from './push-force';
import refOverwrite from './ref-overwrite';
import reflogExpire from './reflog-expire';
import resetHard from './reset-hard';
import stashClear from './stash-clear';
import worktreeRemoveForce from './worktree-remove-force';

export default definePack({
  id: 'git',
  name: 'Git',
  description: 'Discarding uncommitted work, force-pushing or deleting protected branches, rewriting history.',
  helpSubcommand: ['git'],
  rules: [
    resetHard,
    cleanForce,
    pushForce,
    branchForceDelete,
    discardWorktree,
    stashClear,
    historyRewrite,
    reflogExpire,
    branchOverwrite,
    worktreeRemoveForce,
    pushDelete,
    refOverwrite,
    configRewrite,
    extras,
    discardFileChanges,
  ],
});
