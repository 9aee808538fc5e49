// The portal's theme from its painted backgrounds: a dark page is one white text contrasts with better than black.
import { describe, expect, it } from 'vitest';
import { luminanceOf, portalTheme, themeOfBackgrounds } from '../../lib/portal/theme';

describe('the portal’s theme', () => {
  it('reads rgb() and rgba() colours, and takes a transparent one for none', () => {
    expect(luminanceOf('rgb(255, 255, 255)')).toBeCloseTo(1);
    expect(luminanceOf('rgb(27, 26, 25)')).toBeLessThan(0.02);
    expect(luminanceOf('rgba(0, 0, 0, 0)')).toBeUndefined();
    expect(luminanceOf('rgb(0 0 0 / 10%)')).toBeUndefined();
    expect(luminanceOf('color(srgb 1 1 1)')).toBeUndefined();
  });

  it('is the theme of the first opaque background, innermost first', () => {
    expect(themeOfBackgrounds(['rgba(0, 0, 0, 0)', 'rgb(27, 26, 25)', 'rgb(255, 255, 255)'])).toBe('dark');
    expect(themeOfBackgrounds(['rgb(250, 249, 248)', 'rgb(27, 26, 25)'])).toBe('light');
    // Mid grey: black text contrasts better on it, so it is a light background.
    expect(themeOfBackgrounds(['rgb(128, 128, 128)'])).toBe('light');
    expect(themeOfBackgrounds(['rgba(0, 0, 0, 0)'])).toBeUndefined();
  });

  it('finds a dark body behind a page whose root is transparent, and none on a plain page', () => {
    document.body.innerHTML = '<main><p>Customers</p></main>';
    expect(portalTheme(document)).not.toBe('dark');
    document.body.style.backgroundColor = 'rgb(27, 26, 25)';
    expect(portalTheme(document)).toBe('dark');
    document.body.removeAttribute('style');
  });
});
