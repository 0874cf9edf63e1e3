import { originOf } from './electron-ipc';

/** The custom scheme the packaged renderer is served from (a privileged, standard, secure scheme). */
export const APP_SCHEME = 'app';
export const APP_HOST = 'deskside';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** webPreferences for every Deskside window: the Electron security checklist, item by item. */
export function secureWebPreferences(preloadPath: string) {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webviewTag: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: true,
    // A middle click must not open a link in a new window behind the navigation policy's back.
    disableBlinkFeatures: 'Auxclick',
  } as const;
}

/** Navigation stays within the app's own pages (a reload or a route); anything else is refused. */
export function isAllowedNavigation(targetUrl: string, appOrigin: string): boolean {
  return originOf(targetUrl) === appOrigin;
}

/** Hosts that a link in Deskside may open in the system browser. */
export const defaultExternalAllowlist: readonly string[] = ['docs.strivacity.com', 'github.com'];

/** Only https URLs to an allowlisted host (or its subdomain) go to shell.openExternal. */
export function isAllowedExternalUrl(url: string, allowlist: readonly string[] = defaultExternalAllowlist): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'https:' || parsed.username || parsed.password) return false;
  const host = parsed.hostname.toLowerCase();
  return allowlist.some((allowed) => host === allowed || host.endsWith(`.${allowed}`));
}

/**
 * What happens to window.open and target=_blank: never a new Electron window; allowlisted https links
 * open in the system browser.
 */
export function decideWindowOpen(url: string, allowlist: readonly string[] = defaultExternalAllowlist) {
  return { action: 'deny' as const, openExternally: isAllowedExternalUrl(url, allowlist) };
}

/** Permissions the app's own page may have: writing to the clipboard (the copy buttons), nothing else. */
const appPermissions = new Set(['clipboard-sanitized-write']);

/**
 * Camera, microphone, notifications, geolocation...: a support console needs none of them. The one exception is
 * `clipboard-sanitized-write` (navigator.clipboard.writeText), and only for the app's own origin.
 */
export function decidePermission(permission: string, requestingOrigin: string | undefined, appOrigin: string): boolean {
  if (!appPermissions.has(permission) || !requestingOrigin) return false;
  try {
    return new URL(requestingOrigin).origin === new URL(appOrigin).origin;
  } catch {
    return false;
  }
}
