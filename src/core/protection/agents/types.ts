import type { HookCall, HookOutput, HookVerdict } from '../../hooks/types';
import type { Requester } from '../../types';

/**
 * Everything Airlock knows about one agent, in one module: how its hook payload reads, how its
 * answer is written, where its hook file lives and how Airlock's entry goes in and out, how to
 * tell it is installed, and the documented payloads the self-test sends. Adding an agent is one
 * such module and one line in `./index.ts`.
 */
export interface AgentModule {
  id: string;
  /** Shown to people: "Codex CLI". */
  name: string;
  /** Who the editor's modal and the log say asked. */
  requester: Requester;
  /** Seconds the agent waits for the hook when the installed command does not say (`--timeout`). */
  defaultTimeoutS: number;
  /** Seconds written into the installed entry: long enough for a person to read the modal. */
  installTimeoutS: number;
  /** Reads the agent's JSON payload; throws MalformedPayload for what it cannot read. */
  parse(payload: Record<string, unknown>, fallbackCwd: string): HookCall;
  /** The verdict in the agent's own format and exit-code convention. */
  answer(call: Pick<HookCall, 'event' | 'format'> | undefined, verdict: HookVerdict): HookOutput;
  /**
   * The answer to an observe-only edit event (`kind: 'edited'`: the edit already happened), in
   * the agent's format for that event. `alert` is what the agent should hear when it changed one
   * of Airlock's own files, undefined for any other edit. Left out: an empty answer, exit 0.
   */
  observed?(call: Pick<HookCall, 'event' | 'format'>, alert: string | undefined): HookOutput;
  /**
   * True when the agent's own "ask" reaches a person at the agent (Claude Code, Copilot CLI):
   * with no editor, Airlock answers ask instead of deny. Agents without a real ask get deny.
   */
  canAsk(call: HookCall): boolean;
  /**
   * True when the answer Airlock gives a benign call means "no opinion" to this agent (its own
   * permission flow still applies), not "allow". Windsurf, Kiro, Cline and opencode read
   * silence as allow; Cursor needs an explicit allow.
   */
  silentMeansNoOpinion?: boolean;
  /**
   * True when the installed hook is asked before the agent reads a file (Claude Code's Read
   * matcher, Cursor's beforeReadFile, tool hooks that see every tool): only then does Airlock's
   * read gate keep this agent out of protected files. False claims nothing.
   */
  answersReads: boolean;
  /** Exit code for a payload Airlock cannot read (the answer is a deny in any case). */
  malformedExit: number;
  /** Hook files Airlock can install for this agent. */
  files: {
    workspace: (root: string) => HookFileSpec[];
    user: (home: string) => HookFileSpec[];
  };
  /** Signs the agent is installed on this machine: folders under the home folder, programs on PATH. */
  detect: { homeDirs: string[]; binaries: string[]; workspaceDirs: string[] };
  /** The self-test: documented payloads and how to read the answer to them. */
  selfTest: {
    /** A payload for `command`, as the agent would send it from `cwd`. */
    payload(command: string, cwd: string): string;
    /** What the answer said: 'allow', 'deny', 'ask', or a description of what is wrong with it. */
    read(out: HookOutput): 'allow' | 'deny' | 'ask' | { wrong: string };
  };
  /**
   * The agent runs a hook only after the person trusts its exact content (Codex): every change
   * Airlock makes to the file must be followed by a word to the person, or the hook silently stops.
   */
  trustedByContent?: boolean;
  /** What the person must still do for the hook to run (a feature flag, a setting), if anything. */
  note?: string;
}

/** One hook file: where it is and how Airlock's entry is added to and removed from its text. */
export interface HookFileSpec {
  path: string;
  /** Shown in pickers and the status view. */
  label: string;
  format: HookFileFormat;
}

export interface HookFileFormat {
  /** The file's text with Airlock's entry (added or refreshed). `text` undefined: no file yet. */
  add(text: string | undefined, command: string): string;
  /** The text without Airlock's entry; undefined when nothing else is left (delete the file). */
  remove(text: string): string | undefined;
  has(text: string | undefined): boolean;
  /**
   * True when each of Airlock's entries is exactly as `add` writes it for `command`: the self-test
   * passes through a weakened entry (failClosed dropped, a matcher narrowed) all the same. An
   * observe-only entry may be missing (a file installed before those events existed).
   */
  asWritten(text: string | undefined, command: string): boolean;
  /** True when the file must be executable (Cline runs the file itself). */
  executable?: boolean;
  /** How the command reads inside the file: JSON files escape it. */
  encode(command: string): string;
}
