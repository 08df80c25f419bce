/**
 * What the core made of an update, for its log line (channels/update-handling.ts): the request's kind
 * ("score", "ranking", "help", "register"…), "button:<action>", "file", "conversation" (a step of a
 * dialogue under way), "chatter" (group talk not for the bot). A small fixed set: never a chat, a
 * user or a unit. Noted where the core decides, read by whoever opened the scope; outside one, nothing.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Request } from '../domain/request.js';

export interface Decision {
  intent: string | null;
}

const decisions = new AsyncLocalStorage<Decision>();

/** Runs one update's handling with a decision to fill in. */
export function withDecision<T>(decision: Decision, work: () => Promise<T>): Promise<T> {
  return decisions.run(decision, work);
}

/** The first decision of an update is its intent (a button that answers a question is still a button). */
export function noteIntent(intent: string): void {
  const decision = decisions.getStore();
  if (decision && decision.intent === null) decision.intent = intent;
}

/** A request's intent: a question by what it asks (score, rank, detail…), anything else by its kind. */
export function intentOf(request: Request): string {
  return request.kind === 'question' ? request.question.intent : request.kind;
}
