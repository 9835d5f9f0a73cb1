import type { ConfirmRequest, ConfirmResponse } from '../../core/ipc/protocol';
import type { ConfirmationView } from './confirmation-text';

/**
 * One modal at a time. Requests wait in order; each has a deadline a little before the caller
 * gives up (the agent's hook timeout minus a margin). At the deadline the caller gets deny
 * straight away, the request leaves the queue, and if its modal is open, the person's later
 * answer is discarded and they are told it expired. No vscode import: the dialog is injected.
 */
export type PersonAnswer = 'allow' | 'block';

export interface Prompter {
  /** Shows one confirmation; resolves with the person's answer (Escape and close are block). */
  ask(view: ConfirmationView, waiting: number): Promise<PersonAnswer>;
  /** Tells the person that the request they just answered had already expired. */
  expired(view: ConfirmationView): void;
}

interface Pending {
  request: ConfirmRequest;
  view: ConfirmationView;
  deadline: number;
  /** Every caller waiting on this one question (the same call reaching Airlock through two hooks). */
  settle: (answer: ConfirmResponse) => void;
  key: string;
  settled: boolean;
  timer?: NodeJS.Timeout;
}

/** Time kept back from the caller's timeout so the deny reaches it before it gives up. */
export const DEADLINE_MARGIN_MS = 3000;
const MINIMUM_WINDOW_MS = 1000;

export class ConfirmationQueue {
  private readonly waiting: Pending[] = [];
  private active: Pending | undefined;

  constructor(
    private readonly prompter: Prompter,
    /** Must resolve once the decision is durable: the answer is sent only after. */
    private readonly record: (request: ConfirmRequest, view: ConfirmationView, answer: ConfirmResponse) => Promise<void>,
    private readonly now: () => number = Date.now,
  ) {}

  get size(): number {
    return this.waiting.length + (this.active ? 1 : 0);
  }

  /**
   * Queues a question, or joins an identical one already waiting or shown: VS Code also runs
   * the hooks in Claude Code's settings, and Cursor reads them too, so one tool call can reach
   * Airlock twice. The person is asked once; both callers get the answer.
   */
  enqueue(request: ConfirmRequest, view: ConfirmationView): Promise<ConfirmResponse> {
    const key = JSON.stringify([request.kind, request.command ?? '', request.file ?? '', request.cwd]);
    const same = [this.active, ...this.waiting].find((p) => p && !p.settled && p.key === key);
    if (same) {
      return new Promise((resolve) => {
        const previous = same.settle;
        same.settle = (answer) => {
          previous(answer);
          resolve(answer);
        };
      });
    }
    return new Promise((resolve) => {
      const budget = Math.max(MINIMUM_WINDOW_MS, request.timeoutMs - DEADLINE_MARGIN_MS);
      const pending: Pending = { request, view, key, deadline: this.now() + budget, settled: false, settle: resolve };
      pending.timer = setTimeout(() => this.expire(pending), budget);
      this.waiting.push(pending);
      // Let a burst of requests arrive first, so the modal can say how many wait behind it.
      setImmediate(() => void this.pump());
    });
  }

  private async finish(pending: Pending, answer: ConfirmResponse): Promise<void> {
    if (pending.settled) return;
    pending.settled = true;
    clearTimeout(pending.timer);
    try {
      await this.record(pending.request, pending.view, answer);
    } catch {
      // The log failing must not turn a block into an allow: an unlogged allow becomes deny.
      if (answer.decision === 'allow') answer = { ...answer, decision: 'deny', message: 'Airlock could not record the decision, so it blocked the action.' };
    }
    pending.settle(answer);
  }

  private expire(pending: Pending): void {
    const index = this.waiting.indexOf(pending);
    if (index >= 0) this.waiting.splice(index, 1);
    void this.finish(pending, {
      decision: 'deny',
      decidedBy: 'timeout',
      message: 'Blocked: nobody confirmed in the editor before the time ran out. Stop and ask the person; do not look for another way.',
      environment: pending.view.environment,
    });
  }

  private async pump(): Promise<void> {
    if (this.active) return;
    const next = this.waiting.shift();
    if (!next) return;
    this.active = next;
    try {
      const answer = await this.prompter.ask(next.view, this.waiting.length).catch((): PersonAnswer => 'block');
      if (next.settled) {
        this.prompter.expired(next.view);
      } else if (answer === 'allow') {
        await this.finish(next, {
          decision: 'allow',
          decidedBy: 'person',
          message: 'A person allowed this once in the editor.',
          environment: next.view.environment,
        });
      } else {
        await this.finish(next, {
          decision: 'deny',
          decidedBy: 'person',
          message: 'Blocked by the person in the editor. Stop and ask them how to proceed; do not try another way to do this.',
          environment: next.view.environment,
        });
      }
    } finally {
      this.active = undefined;
      void this.pump();
    }
  }

  dispose(): void {
    for (const pending of [...this.waiting]) this.expire(pending);
    if (this.active) this.expire(this.active);
  }
}
