// What the panel can ask for; the content script turns each into a message to the background.
import type { AlertReason, FlagKind } from '@/lib/schema';
import type { CustomerPatch } from '@/lib/messages';
import type * as z from 'zod/mini';

export interface PanelActions {
  tick(itemId: string, done: boolean, note?: string): Promise<void>;
  setStaffName(name: string): Promise<void>;
  updateFacts(patch: z.infer<typeof CustomerPatch>): Promise<void>;
  addFlag(kind: z.infer<typeof FlagKind>, note: string): Promise<void>;
  resolveFlag(id: string): Promise<void>;
  triageAlert(id: string, status: 'investigating' | 'resolved', reason?: z.infer<typeof AlertReason>, note?: string): Promise<void>;
  /** True after a tick found no staff name: the panel asks for it inline. */
  nameMissing: boolean;
}
