// Dark rules applied twice: when the system prefers a dark scheme, and when the portal shows its own dark theme
// (the content script marks our host `data-theme="dark"`, lib/portal/theme.ts). Rules are plain `selectors { … }`.
export const DARK_HOST = ':host([data-theme="dark"])';

export function darkCss(rules: string): string {
  const scoped = rules.replace(/([^{}]+)\{([^{}]*)\}/g, (_, selectors: string, body: string) =>
    `${selectors.split(',').map((s) => `${DARK_HOST} ${s.trim()}`).join(', ')} {${body}}`);
  return `@media (prefers-color-scheme: dark) {${rules}}\n${scoped}`;
}
