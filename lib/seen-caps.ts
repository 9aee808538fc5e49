// How many customers may be recorded from what the portal shows: a page (a portal XSS, a crafted list) could
// otherwise fill the store with as many names as it draws rows. Imports are not capped and never displaced.
export const SEEN_CAPS = {
  /** New customers recorded from one page load (the list's visible names; a customer page records one). */
  perPage: 500,
  /** New customers recorded from every portal page of a day, all tabs together. */
  perDay: 2000,
} as const;
