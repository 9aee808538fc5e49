// What the panel can ask for; the content script turns each into a message to the background.
import type { AlertReason, DunningAction, FlagKind, Verdict } from '@/lib/schema';
import type { CustomerPatch } from '@/lib/messages';
import type * as z from 'zod/mini';

/** A tick between the click and the commit ('saving'), or one that failed and is not yet retried or dismissed. */
export interface PendingTick { done: boolean; state: 'saving' | 'error' }

export interface PanelActions {
  tick(itemId: string, done: boolean, note?: string): Promise<void>;
  /** Opens the options page, where staff set their name (the page cannot type it into ours). */
  openOptions(): Promise<void>;
  updateFacts(patch: z.infer<typeof CustomerPatch>): Promise<void>;
  addFlag(kind: z.infer<typeof FlagKind>, note: string): Promise<void>;
  resolveFlag(id: string): Promise<void>;
  triageAlert(id: string, status: 'investigating' | 'resolved', reason?: z.infer<typeof AlertReason>, note?: string): Promise<void>;
  setVerdict?(verdict: Verdict, reason: string, reviewOn?: string): Promise<void>;
  /** A promise to pay: the amount as typed, in the currency's unit. */
  addPromise?(date: string, amount: string, currency: string, note?: string): Promise<void>;
  /** Saves the customer's onboarding evidence (checklist, verdicts) as a file. */
  exportEvidence?(): void;
  recordDunning?(action: DunningAction, on: string): Promise<void>;
  /** True after a tick found no staff name: the panel asks for it inline. */
  nameMissing: boolean;
  /** Ticks on their way to the store, or failed, by item id. */
  pending?: ReadonlyMap<string, PendingTick>;
}
