import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, securityHeaders } from '../../page/csp';
import { applicationMenuTemplate } from './menu';
import {
  APP_ORIGIN,
  decidePermission,
  decideWindowOpen,
  isAllowedExternalUrl,
  isAllowedNavigation,
  secureWebPreferences,
} from './policy';
import { resolveStaticPath } from '../../page/static-files';
import { defaultWindowState, restoreWindowState } from './window-state';

describe('secureWebPreferences', () => {
  it('follows the Electron security checklist', () => {
    const prefs = secureWebPreferences('/app/preload.cjs');
    expect(prefs).toMatchObject({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
    });
  });
});

describe('navigation and new windows', () => {
  it('stays on the app origin', () => {
    expect(isAllowedNavigation('app://deskside/index.html#/account/1', APP_ORIGIN)).toBe(true);
    expect(isAllowedNavigation('https://deskside/', APP_ORIGIN)).toBe(false);
    expect(isAllowedNavigation('app://evil/', APP_ORIGIN)).toBe(false);
    expect(isAllowedNavigation('javascript:alert(1)', APP_ORIGIN)).toBe(false);
    expect(isAllowedNavigation('file:///etc/passwd', APP_ORIGIN)).toBe(false);
  });

  it('opens only allowlisted https links externally, and never a new window', () => {
    expect(isAllowedExternalUrl('https://docs.strivacity.com/reference')).toBe(true);
    expect(isAllowedExternalUrl('https://api.github.com/x')).toBe(true);
    expect(isAllowedExternalUrl('http://docs.strivacity.com/')).toBe(false);
    expect(isAllowedExternalUrl('https://docs.strivacity.com.evil.example/')).toBe(false);
    expect(isAllowedExternalUrl('https://user:pass@github.com/')).toBe(false);
    expect(isAllowedExternalUrl('file:///etc/passwd')).toBe(false);
    expect(isAllowedExternalUrl('smb://share/x')).toBe(false);
    expect(isAllowedExternalUrl('not a url')).toBe(false);
    expect(decideWindowOpen('https://github.com/x')).toEqual({ action: 'deny', openExternally: true });
    expect(decideWindowOpen('https://evil.example/')).toEqual({ action: 'deny', openExternally: false });
  });

  it('denies every permission but the clipboard write the copy buttons need, and that to the app only', () => {
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      expect(decidePermission(permission, 'app://deskside/', 'app://deskside')).toBe(false);
    }
    expect(decidePermission('clipboard-sanitized-write', 'app://deskside/index.html', 'app://deskside')).toBe(true);
    expect(decidePermission('clipboard-sanitized-write', 'https://evil.example/', 'app://deskside')).toBe(false);
    expect(decidePermission('clipboard-sanitized-write', undefined, 'app://deskside')).toBe(false);
    expect(decidePermission('clipboard-sanitized-write', 'not a url', 'app://deskside')).toBe(false);
  });
});

describe('contentSecurityPolicy', () => {
  it('allows scripts only from the app itself in production', () => {
    const csp = contentSecurityPolicy();
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe/);
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(securityHeaders(csp)['Content-Security-Policy']).toBe(csp);
  });

  it('lets the dev server in only when one is named', () => {
    expect(contentSecurityPolicy({ devServerOrigin: 'http://localhost:5173' })).toContain('ws://localhost:5173');
  });
});

describe('resolveStaticPath', () => {
  const root = mkdtempSync(join(tmpdir(), 'deskside-static-'));
  mkdirSync(join(root, 'assets'));
  writeFileSync(join(root, 'index.html'), '<html></html>');

  it('maps files inside the root and routes to index.html', () => {
    expect(resolveStaticPath(root, '/assets/app.js')).toBe(join(root, 'assets/app.js'));
    expect(resolveStaticPath(root, '/')).toBe(join(root, 'index.html'));
    expect(resolveStaticPath(root, '/account/store/123')).toBe(join(root, 'index.html'));
    // An account id may hold a dot: still the app, not a file.
    expect(resolveStaticPath(root, '/account/s/john.doe')).toBe(join(root, 'index.html'));
  });

  it('refuses every way out of the root', () => {
    for (const attempt of [
      '/../secret.txt',
      '/assets/../../secret.txt',
      '/%2e%2e/secret.txt',
      '/..%2fsecret.txt',
      '/%2e%2e%2f%2e%2e%2fetc%2fpasswd',
      '/..\\secret.txt',
      '/a%00.js',
      '/%E0%A4%A',
    ]) {
      expect(resolveStaticPath(root, attempt), attempt).toBeNull();
    }
  });
});

describe('restoreWindowState', () => {
  const display = { x: 0, y: 0, width: 1920, height: 1080 };

  it('keeps saved bounds that are still on a display', () => {
    const saved = { x: 100, y: 80, width: 1200, height: 800, maximized: true };
    expect(restoreWindowState(saved, [display])).toEqual(saved);
  });

  it('drops the position when its display is gone, keeping the size', () => {
    expect(restoreWindowState({ x: 3000, y: 100, width: 1200, height: 800 }, [display])).toEqual({
      width: 1200,
      height: 800,
      maximized: false,
    });
  });

  it('falls back to the default for anything unreadable', () => {
    expect(restoreWindowState(undefined, [display])).toEqual(defaultWindowState);
    expect(restoreWindowState({ width: 'big' }, [display])).toEqual(defaultWindowState);
    expect(restoreWindowState({ width: 10, height: 10 }, [display])).toEqual(defaultWindowState);
  });
});

describe('applicationMenuTemplate', () => {
  it('has the usual roles and an About item on every platform', () => {
    for (const platform of ['darwin', 'linux', 'win32'] as const) {
      let aboutShown = false;
      const template = applicationMenuTemplate(platform, { showAbout: () => (aboutShown = true) });
      const items = template.flatMap((menu) => menu.submenu ?? []);
      const roles = items.map((item) => item.role).filter(Boolean);
      expect(roles).toEqual(expect.arrayContaining(['copy', 'paste', 'undo', 'reload', 'minimize']));
      items.find((item) => item.label === 'About Deskside')!.click!();
      expect(aboutShown).toBe(true);
      // Developer tools only in development runs.
      expect(roles).not.toContain('toggleDevTools');
      const development = applicationMenuTemplate(platform, { showAbout: () => undefined }, true);
      expect(development.flatMap((menu) => menu.submenu ?? []).map((item) => item.role)).toContain('toggleDevTools');
    }
  });
});
