import { readFileSync } from 'node:fs';
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { PrivacyPolicy } from '../../components/PrivacyPolicy';
import { makeTranslate, type MessageBundle } from '../../lib/i18n';

const bundle = (lang: string) => JSON.parse(readFileSync(`public/_locales/${lang}/messages.json`, 'utf8')) as MessageBundle;

afterEach(cleanup);

describe('privacy policy page', () => {
  for (const [lang, sent, portal] of [
    ['en', /^Nothing, to anyone\./, /never reads your sign-in tokens, cookies or the portal’s own storage/],
    ['fr', /^Rien, à personne\./, /ne lit jamais vos jetons de connexion, vos cookies ni le stockage propre au portail/],
  ] as const) {
    it(`says in ${lang} what is stored, where, that nothing is sent and that the portal's tokens are never read`, () => {
      render(<PrivacyPolicy t={makeTranslate(bundle(lang))} />);
      const sections = [...screen.getByTestId('privacy-policy').querySelectorAll('section')];
      expect(sections.map((s) => s.getAttribute('data-section'))).toEqual(['stored', 'where', 'sent', 'portal', 'permissions', 'delete']);
      // Every heading and paragraph is a translated text, not a missing key echoed back.
      for (const el of screen.getByTestId('privacy-policy').querySelectorAll('h1, h2, p')) expect(el.textContent).not.toMatch(/privacy_/);
      expect(sections[1].textContent).toContain('IndexedDB');
      expect(sections[2].querySelector('p')!.textContent).toMatch(sent);
      expect(sections[3].textContent).toMatch(portal);
    });
  }
});
