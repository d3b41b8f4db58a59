/**
 * The assistant's steps, in order: the switch (is automatic answering on?), normalise, focus (find
 * the question in a letter), rules (injection, requests for a person, small talk…), retrieve, decide,
 * compose, check. Each step that ran is recorded with its status — `ok` (passed its result on) or
 * `stopped` (decided the reply itself) — a short reason and its time; the record is stored with the
 * turn, so staff and the evaluation see why a reply is what it is. `compose` and `check` run for
 * every reply, also after an earlier step stopped the decision.
 */
export const stepNames = ['switch', 'normalise', 'focus', 'rules', 'retrieve', 'decide', 'compose', 'check'] as const;
export type StepName = (typeof stepNames)[number];
export type StepStatus = 'ok' | 'stopped';
export type StepRecord = { step: StepName; status: StepStatus; reason: string; ms: number };

export class Trace {
  readonly steps: StepRecord[] = [];
  private last = performance.now();

  /** The step ran and handed its result to the next. */
  ok(step: StepName, reason: string): void {
    this.push(step, 'ok', reason);
  }

  /** The step decided the reply: no later step of the decision runs. */
  stop(step: StepName, reason: string): void {
    this.push(step, 'stopped', reason);
  }

  private push(step: StepName, status: StepStatus, reason: string): void {
    const now = performance.now();
    this.steps.push({ step, status, reason, ms: Math.round((now - this.last) * 100) / 100 });
    this.last = now;
  }
}

/**
 * Whether the assistant answers by itself. Off (configuration `BOT_ANSWERING=false`, or staff
 * through `set`), every question is handed to staff with a message saying so; nothing else changes.
 */
export class AnsweringSwitch {
  private state: { on: boolean; changedBy: string; changedAt: string };

  constructor(on = true, by = 'configuration') {
    this.state = { on, changedBy: by, changedAt: new Date().toISOString() };
  }

  get on(): boolean {
    return this.state.on;
  }

  /** Who turned it to its current state, and when. */
  get status(): { on: boolean; changedBy: string; changedAt: string } {
    return { ...this.state };
  }

  set(on: boolean, by: string): void {
    this.state = { on, changedBy: by, changedAt: new Date().toISOString() };
  }
}
