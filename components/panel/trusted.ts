// Only a person's own click or key press may act for staff, never a script in the portal page.
//
// The panel lives in an open shadow root, so a page script (a portal XSS, a third-party script the portal loads)
// or another extension's content script can reach its controls and call `.click()`. The click event such a call
// dispatches reports `isTrusted: false`, but the `input`/`change` it causes on a checkbox, and the `submit` that
// a scripted click on a submit button or `form.requestSubmit()` causes, report `isTrusted: true`: checking those
// proves nothing. So every action starts from the click itself (Enter or Space on a focused control, and Enter
// in a form's field, reach it as a trusted click), or from a select's own `change`, which no script can make
// trusted (setting `.value` fires nothing; a dispatched event is untrusted).

/** Whether a person began this action. A refused click is cancelled, so a checkbox a script flipped flips back. */
export function byPerson(e: Event): boolean {
  if (e.isTrusted === true) return true;
  if (e.type === 'click' && e.cancelable) e.preventDefault();
  return false;
}

/**
 * A text field's or select's input as a person made it. Only a trusted `input`/`change` (a person typing or
 * choosing) updates what an action will send; a script's event (it may set the field's value, fire the event, then
 * put the old text back on screen) leaves the field showing what the person gave, so a person's trusted click never
 * sends words the page chose.
 */
export function byPersonInput(e: Event, was: string, set: (value: string) => void): void {
  const field = e.currentTarget as HTMLInputElement | HTMLSelectElement;
  if (e.isTrusted === true) set(field.value);
  else field.value = was;
}
