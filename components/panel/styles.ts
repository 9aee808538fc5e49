// The panel's own styles, isolated in its shadow root (nothing leaks in from the portal or out to it).
import { darkCss } from '../dark';

export const PANEL_CSS = `
:host { all: initial; }
.panel { position: fixed; top: 64px; right: 0; z-index: 2147483000; width: 360px; max-height: calc(100vh - 80px);
  display: flex; flex-direction: column; background: #fff; color: #201f1e; border: 1px solid #c8c6c4; border-right: 0;
  border-radius: 8px 0 0 8px; box-shadow: 0 4px 16px rgba(0,0,0,.18); font: 13px/1.45 "Segoe UI", system-ui, sans-serif; }
.panel.closed { width: auto; }
/* Docked (narrow windows): a full-height column at the right edge; the content script makes the page narrower by
   the panel's width, so nothing of the portal is under it. Folded, it is a narrow strip. */
.panel.docked { top: 0; bottom: 0; max-height: none; border-radius: 0; box-shadow: none; border-top: 0; border-bottom: 0; }
.panel.docked.closed { width: 40px; }
.panel.docked.closed .toggle { flex-direction: column; padding: 8px 4px; }
.panel.docked.closed .title { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
.panel.docked.closed .pill { writing-mode: vertical-rl; padding: 8px 0; }
.resize { position: absolute; left: -4px; top: 0; bottom: 0; width: 8px; cursor: ew-resize; z-index: 1; }
.resize:focus-visible, .resize:hover { background: rgba(15,108,189,.35); outline: none; }
.next-step { margin: 6px 0 0; padding: 6px 8px; border-radius: 6px; background: #f3f2f1; border-left: 3px solid #8a8886; font-weight: 600;
  display: flex; flex-wrap: wrap; gap: 4px 8px; align-items: baseline; }
.next-step.answer-alert, .next-step.collect { background: #fde7e9; border-left-color: #a4262c; color: #a4262c; }
.next-step.review, .next-step.onboard { background: #fff4ce; border-left-color: #8a6d00; color: #4d3a00; }
.next-step .words { flex: 1; }
.fold { position: relative; }
.fold-icon { position: absolute; right: 0; top: 6px; border: 0; background: none; cursor: pointer; color: #605e5c; padding: 0 4px; font-size: 14px; line-height: 1; }
.fold-toggle { all: unset; cursor: pointer; font-weight: 600; display: block; width: 100%; }
.fold-toggle:focus-visible, .fold-icon:focus-visible { outline: 2px solid #0f6cbd; outline-offset: 1px; }
.fold.folded { padding: 6px 0; }
.fold > .section > h3 { padding-right: 22px; }
/* A short screen: tighter spacing, the long notes in a few words (the whole text is read out and on hover). */
.note-icon, .short { display: none; }
.compact .note-icon, .compact .short { display: inline; }
.compact .note-text, .compact .long, .compact .keys-hint { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
.compact .section { padding: 5px 0; } .compact .fold.folded { padding: 3px 0; } .compact .item { padding: 1px 0; }
.compact .customer { margin: 2px 0 4px; } .compact .phase { margin: 3px 0; }
.head { border-bottom: 1px solid #edebe9; }
.toggle { all: unset; box-sizing: border-box; width: 100%; display: flex; gap: 8px; align-items: center; padding: 8px 12px; cursor: pointer; }
.toggle:focus-visible, button:focus-visible, input:focus-visible, select:focus-visible { outline: 2px solid #0f6cbd; outline-offset: 1px; }
.title { font-weight: 600; flex: 1; }
.body { overflow: auto; padding: 8px 12px 12px; }
.customer { font-size: 15px; margin: 4px 0 8px; word-break: break-word; }
.section { border-top: 1px solid #edebe9; padding: 8px 0; }
h3 { font-size: 13px; margin: 0 0 6px; }
.score { display: flex; align-items: baseline; gap: 6px; padding: 6px 10px; border-radius: 6px; }
.score .num { font-size: 28px; font-weight: 700; }
.score .lvl { font-weight: 600; margin-left: auto; text-transform: uppercase; letter-spacing: .04em; }
.pill { border-radius: 10px; padding: 0 8px; font-size: 12px; font-weight: 600; }
.sync-indicator { font-size: 11px; color: #605e5c; margin-left: 6px; } .sync-indicator.error, .sync-indicator.offline { color: #a4262c; font-weight: 600; }
.low { background: #dff6dd; color: #0e5c0e; } .medium { background: #fff4ce; color: #6b4f00; }
.high { background: #fde7e9; color: #a4262c; } .critical { background: #a4262c; color: #fff; }
.unknown { background: #f3f2f1; color: #484644; }
.notice { background: #f3f2f1; border-left: 3px solid #8a8886; padding: 6px 8px; border-radius: 4px; }
.factors { list-style: none; margin: 8px 0 0; padding: 0; }
.factors li { display: grid; grid-template-columns: 40px 1fr; gap: 0 6px; padding: 4px 0; border-bottom: 1px dashed #edebe9; }
.factors .pts { font-weight: 700; color: #a4262c; } .factors .guide { grid-column: 2; }
.phase { border: 0; padding: 0; margin: 6px 0; } legend { font-weight: 600; padding: 0; }
.item { display: grid; grid-template-columns: 20px 1fr auto; gap: 0 6px; padding: 3px 0; }
.item > .who, .item > .note, .item > .note-form, .item > [data-testid="checklist-item-state"] { grid-column: 2 / 4; }
/* The note's button on the item's own line: one line per item, not two. */
.item > .link { grid-column: 3; grid-row: 1; align-self: start; }
details.phase > summary { font-weight: 600; cursor: pointer; }
.tag { margin-left: 6px; font-size: 11px; background: #fff4ce; color: #6b4f00; border-radius: 4px; padding: 0 4px; }
.muted { color: #605e5c; } .small { font-size: 12px; } .warn { color: #a4262c; } .error { color: #a4262c; font-weight: 600; }
.link { all: unset; color: #0f6cbd; cursor: pointer; text-decoration: underline; }
.grid { display: grid; grid-template-columns: auto 1fr; gap: 4px 8px; align-items: center; }
button { font: inherit; } input, select { font: inherit; max-width: 100%; }
.alerts { list-style: none; padding: 0; margin: 0; } .alerts li { padding: 6px 0; border-bottom: 1px dashed #edebe9; }
.actions { display: flex; flex-wrap: wrap; gap: 4px; margin-top: 4px; }
.failure { display: flex; flex-wrap: wrap; gap: 4px 8px; align-items: center; margin: 0 0 6px; }
.name-prompt { background: #fff4ce; padding: 6px; border-radius: 6px; display: flex; flex-wrap: wrap; gap: 4px; align-items: center; }
.aging th { text-align: left; font-weight: normal; padding-right: 8px; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
.confirm-step { border: 2px solid #a4262c; border-radius: 6px; padding: 4px 8px; margin: 4px 0; }
/* Dark mode follows the system's setting and the portal's dark theme (components/dark.ts); every pair keeps WCAG AA
   contrast (4.5:1 for text). */
${darkCss(`
  .panel { color-scheme: dark; background: #1f1f1f; color: #e6e6e6; border-color: #525252; box-shadow: 0 4px 16px rgba(0,0,0,.6); }
  .head, .section { border-color: #3d3d3d; }
  .factors li, .alerts li { border-bottom-color: #3d3d3d; }
  .factors .pts, .warn, .error { color: #ff99a4; }
  .muted { color: #b3b3b3; } .link { color: #62abf5; }
  .low { background: #0b3a0b; color: #b5e8b5; } .medium { background: #463100; color: #ffe08a; }
  .high { background: #4a1216; color: #ffb3ba; } .critical { background: #c50f1f; color: #fff; }
  .unknown, .notice { background: #2e2e2e; color: #e6e6e6; } .notice { border-left-color: #8a8886; }
  .tag, .name-prompt { background: #463100; color: #ffe08a; }
  .confirm-step { border-color: #ff99a4; }
  .next-step { background: #2e2e2e; color: #e6e6e6; }
  .next-step.answer-alert, .next-step.collect { background: #4a1216; color: #ffb3ba; border-left-color: #ff99a4; }
  .next-step.review, .next-step.onboard { background: #463100; color: #ffe08a; border-left-color: #ffe08a; }
  .next-step .link { color: #9ccbf7; }
  .toggle:focus-visible, button:focus-visible, input:focus-visible, select:focus-visible { outline-color: #62abf5; }
`)}
`;
