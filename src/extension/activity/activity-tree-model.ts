import { actorLabel, isAgent, isBlocked, isProduction } from '../../core/log/describe';
import type { ActivityStore, StoredActivity } from './activity-store';

export interface ActivityFilters {
  agentOnly: boolean;
  blockedOnly: boolean;
  productionOnly: boolean;
  /** Case-insensitive text every shown event contains (command, file, folder, rule, reason...). */
  text: string;
}

export const NO_FILTERS: ActivityFilters = { agentOnly: false, blockedOnly: false, productionOnly: false, text: '' };

export interface DayNode {
  type: 'day';
  key: string;
  label: string;
  count: number;
  blocked: number;
}
export interface SessionNode {
  type: 'session';
  day: string;
  key: string;
  label: string;
  actor: string;
  session?: string;
  count: number;
  blocked: number;
  first: number;
  last: number;
}
/** `ran`: the terminal's record of the same command running after this decision, shown on this row. */
export interface EventNode {
  type: 'event';
  stored: StoredActivity;
  ran?: StoredActivity;
}
export interface MoreNode {
  type: 'more';
  day: string;
  session: string;
  shown: number;
  remaining: number;
}
export type ActivityNode = DayNode | SessionNode | EventNode | MoreNode;

interface Group {
  node: SessionNode;
  /** Indices into the store's events, newest first. */
  indices: number[];
  /** A terminal `command` event waiting to see whether the next older event is its own decision. */
  pendingRun?: number;
  /** Decision index → the index of the command event that ran after it (one row, not two). */
  runs: Map<number, number>;
}

interface Grouping {
  days: DayNode[];
  sessions: Map<string, Group[]>;
}

/**
 * The Activity view's shape: days (newest first), then agent sessions or actors, then events,
 * newest first, a page at a time. Grouping is one pass over the store, redone only when the
 * store or the filters change; children are sliced from it, so a view of 100,000 events
 * creates only the items that are on screen.
 */
export class ActivityTreeModel {
  private filters: ActivityFilters = { ...NO_FILTERS };
  private grouping: Grouping | undefined;
  private groupedAt = -1;
  /** Pages shown per session, by `${day}|${session}`; survives refreshes. */
  private readonly pages = new Map<string, number>();

  constructor(
    private readonly store: ActivityStore,
    public pageSize = 200,
    private readonly now: () => Date = () => new Date(),
  ) {}

  get currentFilters(): ActivityFilters {
    return { ...this.filters };
  }

  setFilters(filters: Partial<ActivityFilters>): void {
    this.filters = { ...this.filters, ...filters, text: (filters.text ?? this.filters.text).trim() };
    this.grouping = undefined;
  }

  isFiltered(): boolean {
    const f = this.filters;
    return f.agentOnly || f.blockedOnly || f.productionOnly || f.text.length > 0;
  }

  /** Events that pass the filters (for counts, exports of the visible set). */
  visibleCount(): number {
    return this.group().days.reduce((sum, day) => sum + day.count, 0);
  }

  /** Every event the filters let through, oldest first (for exports). */
  filteredEvents(): StoredActivity[] {
    const needle = this.filters.text.toLowerCase();
    return this.store.all().filter((stored) => this.passes(stored, needle));
  }

  roots(): DayNode[] {
    return this.group().days;
  }

  children(node?: ActivityNode): ActivityNode[] {
    if (!node) return this.roots();
    const grouping = this.group();
    if (node.type === 'day') return (grouping.sessions.get(node.key) ?? []).map((g) => g.node);
    if (node.type !== 'session') return [];
    const group = (grouping.sessions.get(node.day) ?? []).find((g) => g.node.key === node.key);
    if (!group) return [];
    const shown = Math.min(group.indices.length, this.pageSize * (this.pages.get(pageKey(node.day, node.key)) ?? 1));
    const events = this.store.all();
    // Indices come from grouping this same snapshot of the store, so each names an event.
    const children: ActivityNode[] = group.indices.slice(0, shown).map((i) => {
      const ran = group.runs.get(i);
      return ran === undefined ? { type: 'event', stored: events[i]! } : { type: 'event', stored: events[i]!, ran: events[ran]! };
    });
    if (shown < group.indices.length) children.push({ type: 'more', day: node.day, session: node.key, shown, remaining: group.indices.length - shown });
    return children;
  }

  /** Shows the next page of a session's events. */
  showMore(node: MoreNode): void {
    const key = pageKey(node.day, node.session);
    this.pages.set(key, (this.pages.get(key) ?? 1) + 1);
  }

  /** The day and session an event sits in, for revealing it. */
  parentOf(node: ActivityNode): ActivityNode | undefined {
    const grouping = this.group();
    if (node.type === 'day') return undefined;
    if (node.type === 'session') return grouping.days.find((d) => d.key === node.day);
    if (node.type === 'more') return (grouping.sessions.get(node.day) ?? []).find((g) => g.node.key === node.session)?.node;
    const day = dayKey(node.stored.at);
    return (grouping.sessions.get(day) ?? []).find((g) => g.node.key === node.stored.group)?.node;
  }

  private group(): Grouping {
    if (this.grouping && this.groupedAt === this.store.changeVersion) return this.grouping;
    const events = this.store.all();
    const days: DayNode[] = [];
    const sessions = new Map<string, Group[]>();
    const needle = this.filters.text.toLowerCase();
    const now = this.now();
    let day: DayNode | undefined;
    let dayGroups = new Map<string, Group>();
    // Events are sorted, so a day is a run: one calendar computation per day, not per event.
    let dayStart = Infinity;
    let dayEnd = -Infinity;
    for (let i = events.length - 1; i >= 0; i--) {
      const stored = events[i]!;
      if (!this.passes(stored, needle)) continue;
      if (!(stored.at >= dayStart && stored.at < dayEnd)) {
        const date = new Date(stored.at);
        dayStart = new Date(date.getFullYear(), date.getMonth(), date.getDate()).getTime();
        dayEnd = new Date(date.getFullYear(), date.getMonth(), date.getDate() + 1).getTime();
        const key = dayKey(stored.at);
        day = days.find((d) => d.key === key);
        if (!day) {
          day = { type: 'day', key, label: dayLabel(key, now), count: 0, blocked: 0 };
          days.push(day);
          sessions.set(key, []);
        }
        dayGroups = new Map((sessions.get(key) ?? []).map((g) => [g.node.key, g]));
      }
      let group = dayGroups.get(stored.group);
      if (!group) {
        group = { node: sessionNode(day!.key, stored.group, stored), indices: [], runs: new Map() };
        dayGroups.set(stored.group, group);
        sessions.get(day!.key)!.push(group);
      }
      // The gate's decision and the terminal's "ran, exit N" are one action: the command event is
      // held until the next older event of its session shows whether it is that decision.
      if (group.pendingRun !== undefined) {
        const run = group.pendingRun;
        group.pendingRun = undefined;
        if (isDecisionFor(stored, events[run]!)) {
          group.runs.set(i, run);
          addEvent(group, day!, i, stored);
          continue;
        }
        addEvent(group, day!, run, events[run]!);
      }
      if (stored.event.kind === 'command' && stored.event.command) {
        group.pendingRun = i;
        continue;
      }
      addEvent(group, day!, i, stored);
    }
    for (const groups of sessions.values()) {
      for (const group of groups) {
        if (group.pendingRun === undefined) continue;
        const run = group.pendingRun;
        group.pendingRun = undefined;
        const owner = days.find((d) => d.key === group.node.day)!;
        addEvent(group, owner, run, events[run]!);
      }
    }
    this.grouping = { days, sessions };
    this.groupedAt = this.store.changeVersion;
    return this.grouping;
  }

  private passes(stored: StoredActivity, needle: string): boolean {
    const { event } = stored;
    const f = this.filters;
    if (f.agentOnly && !isAgent(event.actor)) return false;
    if (f.blockedOnly && !isBlocked(event)) return false;
    if (f.productionOnly && !isProduction(event)) return false;
    if (needle && !haystack(stored).includes(needle)) return false;
    return true;
  }
}

function addEvent(group: Group, day: DayNode, index: number, stored: StoredActivity): void {
  const blocked = isBlocked(stored.event) ? 1 : 0;
  group.indices.push(index);
  group.node.count++;
  group.node.blocked += blocked;
  group.node.first = Math.min(group.node.first, stored.at);
  day.count++;
  day.blocked += blocked;
}

/** Within this long a terminal run is taken as the outcome of the decision just before it. */
const RUN_AFTER_DECISION_MS = 10 * 60_000;

function isDecisionFor(decision: StoredActivity, run: StoredActivity): boolean {
  const { event } = decision;
  return (
    (event.kind === 'decision' || event.kind === 'confirmation') &&
    event.decision === 'allow' &&
    event.command === run.event.command &&
    run.at - decision.at >= 0 &&
    run.at - decision.at <= RUN_AFTER_DECISION_MS
  );
}

const haystacks = new WeakMap<StoredActivity, string>();

function haystack(stored: StoredActivity): string {
  let text = haystacks.get(stored);
  if (text === undefined) {
    const e = stored.event;
    text = [e.command, e.file, e.cwd, e.rule, e.reason, e.session, e.kind, e.actor, actorLabel(e.actor), e.environment, e.decision, ...(e.evidence ?? [])]
      .filter(Boolean)
      .join('\n')
      .toLowerCase();
    haystacks.set(stored, text);
  }
  return text;
}

function pageKey(day: string, session: string): string {
  return `${day}|${session}`;
}

function sessionNode(day: string, key: string, newest: StoredActivity): SessionNode {
  const { actor, session } = newest.event;
  const label = session ? `${actorLabel(actor)} session ${session.length > 12 ? `${session.slice(0, 8)}…` : session}` : actorLabel(actor);
  return { type: 'session', day, key, label, actor, session, count: 0, blocked: 0, first: newest.at, last: newest.at };
}

/** Local calendar day, YYYY-MM-DD. */
export function dayKey(at: number): string {
  const date = new Date(at);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export function dayLabel(key: string, now: Date): string {
  if (key === dayKey(now.getTime())) return 'Today';
  const yesterday = new Date(now.getFullYear(), now.getMonth(), now.getDate() - 1);
  if (key === dayKey(yesterday.getTime())) return 'Yesterday';
  const [y = NaN, m = NaN, d = NaN] = key.split('-').map(Number);
  return new Date(y, m - 1, d).toLocaleDateString(undefined, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' });
}
