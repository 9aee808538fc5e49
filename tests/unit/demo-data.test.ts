// The demo's pictures show realistic customers: injection payloads belong to the tests, not the demo.
import { describe, expect, it } from 'vitest';
import { DEMO_CUSTOMERS, sampleFiles } from '../../scripts/sample-data';

describe('demo data', () => {
  it('names every customer as a company would be named, with no markup in any sample file', () => {
    for (const c of DEMO_CUSTOMERS) expect(c.name).toMatch(/^[\p{L}\d][\p{L}\d .,&'-]+$/u);
    for (const f of sampleFiles(new Date('2026-11-20T12:00:00Z'))) expect(f.buffer.toString('utf8'), f.name).not.toMatch(/<|onerror|javascript:/i);
  });
});
