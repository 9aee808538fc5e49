// Every customer's badge (BadgeTable), asked for as soon as the script starts on a customers list, while its
// strings load: the first rows' badges go in with the rows only if the table is in before them, and asking after
// the strings' round trip made it late on a busy machine (then the table is laid out a second time, badges and all).
import type { BadgeTable } from '@/lib/badge-table';
import { send } from '@/utils/send';

let early: Promise<BadgeTable | null> | undefined;

export function prefetchTable(): void {
  if (early) return;
  early = send({ type: 'badges.all' });
  early.catch(() => undefined); // a failure is the badge source's to handle (it asks again)
}

/** The table asked for ahead, once; undefined when none is waiting (then the source asks itself). */
export function takeTable(): Promise<BadgeTable | null> | undefined {
  const t = early;
  early = undefined;
  return t;
}

/** The store changed before the table was taken: it describes the store of before. */
export function dropTable(): void {
  early = undefined;
}
