/**
 * Electron entry: lifecycle, window, menu. Everything with logic lives in tested modules; this file wires them.
 */
import { join, resolve } from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, net, safeStorage, screen, session, shell } from 'electron';
import { events } from '@shared/contracts';
import { LINK_SCHEME, parseAccountLink } from '@shared/domain/links';
import { createRegistry } from '../../handlers';
import { EventBus } from '../../ipc/event-bus';
import { bindRegistryToIpc, forwardEventsToWindow, originOf } from './electron-ipc';
import { registerAppScheme, serveRenderer } from './app-protocol';
import { createElectronSettingsStore } from './electron-settings-store';
import { dialogFileSaver, windowPdfPrinter } from './electron-files';
import { createSafeStorageSecretStore } from './safe-storage-secrets';
import { safeStorageKeySlot } from './safe-storage-key-slot';
import { utilitySandboxLauncher } from './utility-sandbox';
import { createWindowStateKeeper } from './window-state-store';
import { createAppServices, type AppServices } from '../../services/app-services';
import { loadCacheKey } from '../../services/cache/cache-key';
import { makePrivate, restrictNewFiles } from '../../services/files/private-files';
import { consoleLogger } from '../../services/logger';
import { APP_NAME } from '../../services/data-dir';
import { describeStartupError } from './startup-error';
import { contentSecurityPolicy, securityHeaders } from '../../page/csp';
import { applicationMenuTemplate, type MenuItemSpec } from './menu';
import { APP_ORIGIN, decidePermission, decideWindowOpen, isAllowedNavigation, secureWebPreferences } from './policy';

app.setName(APP_NAME);
registerAppScheme();

const here = import.meta.dirname;
const devServerUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined;
const appOrigin = (devServerUrl && originOf(devServerUrl)) || APP_ORIGIN;
const logger = consoleLogger;
// Before Electron or Deskside write anything: every file this process creates is private to the user.
restrictNewFiles();
const bus = new EventBus();
let mainWindow: BrowserWindow | null = null;
let services: AppServices | null = null;
let windowState: ReturnType<typeof createWindowStateKeeper> | null = null;
/** A link that arrived before a window could take it: the next window to finish loading opens it. */
let pendingLink: string | null = null;
/** True once the main window's page has loaded and listens for pushed events. */
let windowListening = false;

function showMainWindow(): void {
  if (!mainWindow) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.focus();
}

/** Opens the account a deskside:// link names; anything else in a link is ignored. */
function openLink(link: string): void {
  const target = parseAccountLink(link);
  if (!target) return;
  if (!mainWindow || !windowListening) {
    pendingLink = link;
    // macOS keeps the app running with no window: a link then opens one, which takes the link once loaded.
    if (!mainWindow && windowState) mainWindow = createMainWindow(windowState);
    return;
  }
  showMainWindow();
  bus.emit(events.openAccount, target);
}

function hardenWebContents(): void {
  app.on('web-contents-created', (_event, contents) => {
    const refuseForeign = (event: { url: string; preventDefault(): void }) => {
      if (!isAllowedNavigation(event.url, appOrigin)) event.preventDefault();
    };
    contents.on('will-navigate', refuseForeign);
    contents.on('will-redirect', refuseForeign);
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      const decision = decideWindowOpen(url);
      // Only https URLs on the allowlist are opened outside (decideWindowOpen, window/policy.ts).
      if (decision.openExternally) void shell.openExternal(url); // eng-disable OPEN_EXTERNAL_JS_CHECK
      return { action: decision.action };
    });
  });
  session.defaultSession.setPermissionRequestHandler((_contents, permission, callback, details) =>
    callback(decidePermission(permission, details.requestingUrl, appOrigin)),
  );
  session.defaultSession.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    decidePermission(permission, requestingOrigin, appOrigin),
  );
}

function createMainWindow(windowState: ReturnType<typeof createWindowStateKeeper>): BrowserWindow {
  // `maximized` is ours, not a BrowserWindow option: it is applied after the window exists.
  const { maximized, ...bounds } = windowState.initial();
  // The preferences come from secureWebPreferences (window/policy.ts, unit-tested): context isolation, sandbox and
  // Auxclick off; the scanner cannot see through the call, hence the exception on the next line.
  const window = /* eng-disable CONTEXT_ISOLATION_JS_CHECK SANDBOX_JS_CHECK AUXCLICK_JS_CHECK */ new BrowserWindow({
    ...bounds,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: APP_NAME,
    webPreferences: secureWebPreferences(join(here, '../preload/index.cjs')),
  });
  if (maximized) window.maximize();
  windowState.track(window);
  windowListening = false;
  window.once('ready-to-show', () => window.show());
  const stopForwarding = forwardEventsToWindow(bus, window.webContents);
  window.webContents.once('did-finish-load', () => {
    windowListening = true;
    const link = pendingLink;
    pendingLink = null;
    if (link) openLink(link);
  });
  window.on('closed', () => {
    stopForwarding();
    if (mainWindow === window) {
      mainWindow = null;
      windowListening = false;
    }
  });
  void window.loadURL(devServerUrl ?? `${APP_ORIGIN}/index.html`);
  return window;
}

async function start(): Promise<void> {
  const dataDir = app.getPath('userData');
  const tightened = makePrivate(dataDir);
  if (tightened.length > 0) logger.warn(`made ${tightened.length} files in the data folder private to this user`);
  const csp = contentSecurityPolicy(devServerUrl ? { devServerOrigin: appOrigin } : {});
  const cacheKey = await loadCacheKey(
    safeStorageKeySlot(safeStorage, join(dataDir, 'cache-key.sealed'), logger),
    join(dataDir, 'cache.key'),
    logger,
  );
  services = createAppServices({
    dataDir,
    logger,
    bus,
    cache: { fileName: 'cache.db', key: cacheKey },
    secrets: createSafeStorageSecretStore(safeStorage, join(dataDir, 'secrets.json'), logger),
    settingsStore: createElectronSettingsStore(),
    sandboxLauncher: utilitySandboxLauncher(join(here, 'sandbox.js'), logger),
    files: dialogFileSaver(
      () => app.getPath('documents'),
      () => mainWindow,
    ),
    pdf: windowPdfPrinter(),
    // Impersonation links (checked to be the tenant's own by the profile service) open outside Deskside.
    browser: { open: (url) => shell.openExternal(url) }, // eng-disable OPEN_EXTERNAL_JS_CHECK
    // The system's proxy settings, PAC and certificate store, as a browser on this machine would use them.
    fetch: (input, init) => net.fetch(input instanceof URL ? input.href : input, init),
    appInfo: {
      name: APP_NAME,
      version: app.getVersion(),
      platform: process.platform,
      host: 'electron',
      dataDir,
      versions: { node: process.versions.node, electron: process.versions.electron, chrome: process.versions.chrome },
    },
  });
  const registry = createRegistry(services);

  hardenWebContents();
  if (devServerUrl) {
    session.defaultSession.webRequest.onHeadersReceived((details, callback) =>
      callback({ responseHeaders: { ...details.responseHeaders, ...securityHeaders(csp) } }),
    );
  } else {
    serveRenderer(join(here, '../renderer'), csp);
  }
  bindRegistryToIpc(ipcMain, registry, [appOrigin]);

  const template = applicationMenuTemplate(
    process.platform,
    { showAbout: () => bus.emit(events.showAbout, {}) },
    !app.isPackaged,
  );
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(template as Parameters<typeof Menu.buildFromTemplate>[0] & MenuItemSpec[]),
  );

  const keeper = createWindowStateKeeper(() => screen.getAllDisplays().map((display) => display.workArea));
  windowState = keeper;
  // A link on the first launch's command line (Windows and Linux) is opened like one that arrives later.
  pendingLink ??= process.argv.find((arg) => arg.startsWith(`${LINK_SCHEME}://`)) ?? null;
  mainWindow = createMainWindow(keeper);
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) mainWindow = createMainWindow(keeper);
  });
}

/** A start that failed: a readable message instead of Electron's stack trace, then exit (freeing the lock). */
function failedToStart(error: unknown): void {
  logger.error('Deskside could not start', error);
  const { title, detail } = describeStartupError(error);
  dialog.showErrorBox(title, detail);
  app.releaseSingleInstanceLock();
  app.exit(1);
}

/** deskside:// for this app: in development, the Electron binary must be told which app to run. */
function registerLinkScheme(): void {
  // deskside:// links only ever open an account, parsed strictly by parseAccountLink (shared/domain/links.ts).
  if (process.defaultApp) {
    const appPath = process.argv[1];
    if (appPath) app.setAsDefaultProtocolClient(LINK_SCHEME, process.execPath, [resolve(appPath)]); // eng-disable PROTOCOL_HANDLER_JS_CHECK
  } else {
    app.setAsDefaultProtocolClient(LINK_SCHEME); // eng-disable PROTOCOL_HANDLER_JS_CHECK
  }
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  registerLinkScheme();
  // Windows and Linux hand a link to a second instance's command line; macOS sends open-url.
  app.on('second-instance', (_event, argv: string[]) => {
    showMainWindow();
    const link = argv.find((arg) => arg.startsWith(`${LINK_SCHEME}://`));
    if (link) openLink(link);
  });
  app.on('open-url', (event, url) => {
    event.preventDefault();
    openLink(url);
  });
  app.on('before-quit', (event) => {
    if (!services) return;
    // Stop the embedded sandbox and close the cache before leaving.
    event.preventDefault();
    const stopping = services;
    services = null;
    void stopping.shutdown().finally(() => app.quit());
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.whenReady().then(start).catch(failedToStart);
}
