// An in-page confirmation for an action that cannot be undone (never `confirm()`): the question, then do it or not.
import { useEffect, useRef } from 'preact/hooks';

export function ConfirmStep({ question, yes, no, onYes, onNo, testid }: {
  question: string; yes: string; no: string; testid: string;
  /** Receives the click, so a caller that only trusts a person's own click can check it. */
  onYes(e: MouseEvent): void;
  onNo(): void;
}) {
  const cancel = useRef<HTMLButtonElement>(null);
  // Focus moves to the safe answer, so Enter pressed twice by mistake does nothing irreversible.
  useEffect(() => { cancel.current?.focus(); }, []);
  return (
    <div class="confirm-step" role="alertdialog" aria-label={question} data-testid={testid}
      onKeyDown={(e) => { if (e.key === 'Escape') { e.stopPropagation(); onNo(); } }}>
      <span>{question}</span>{' '}
      <button type="button" data-testid={`${testid}-yes`} onClick={(e) => onYes(e)}>{yes}</button>{' '}
      <button type="button" ref={cancel} data-testid={`${testid}-no`} onClick={onNo}>{no}</button>
    </div>
  );
}
