/**
 * A strict stand-in for the `electron` module, loaded instead of it when the built app (out/main/index.js or
 * out/preload/index.cjs) runs under Node for the start-up smoke test. It throws where Electron would (a window,
 * a protocol handler, the session, the screen, safeStorage or net before `ready`; privileged schemes after it),
 * checks option names and menu roles against electron.d.ts, records every call, and is driven by the test over
 * the IPC channel: ready, open-url, second-instance, activate, closing windows, invoking IPC channels, asking for
 * permissions, quitting. The scenario (DESKSIDE_SMOKE_SCENARIO) decides the platform and the OS keychain.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { declared, unknownKeys } from './electron-declarations';

type Message = Record<string, unknown> & { type: string };
const scenario = process.env.DESKSIDE_SMOKE_SCENARIO ?? 'linux-keyring';
const userData = process.env.DESKSIDE_SMOKE_USERDATA ?? mkdtempSync(join(tmpdir(), 'deskside-smoke-'));
if (scenario === 'mac') Object.defineProperty(process, 'platform', { value: 'darwin' });
// A development run on Windows: `electron .` sets defaultApp, and argv[1] is the app's path.
if (scenario === 'windows-dev') Object.assign(process, { defaultApp: true });

function send(message: Message): void {
  process.send?.(message);
}
/** Arguments as the test can read them: functions and objects with methods become their names. */
function plain(value: unknown, depth = 0): unknown {
  if (typeof value === 'function') return '[function]';
  if (value === null || typeof value !== 'object' || depth > 4) return value;
  if (Array.isArray(value)) return value.map((item) => plain(item, depth + 1));
  if (value instanceof EventEmitter) return '[object]';
  return Object.fromEntries(Object.entries(value).map(([key, field]) => [key, plain(field, depth + 1)]));
}
function record(api: string, ...args: unknown[]): void {
  send({ type: 'call', api, args: plain(args) as unknown[] });
}

let ready = false;
const notReady = (what: string) => new Error(`${what} cannot be used before the app is ready`);
function requireReady(what: string): void {
  if (!ready) throw notReady(what);
}

// ---- app
let readyResolve: () => void = () => undefined;
const whenReadyPromise = new Promise<void>((resolve) => (readyResolve = resolve));
let singleInstanceLock = false;
const app = Object.assign(new EventEmitter(), {
  isPackaged: scenario !== 'windows-dev',
  name: 'Electron',
  setName(name: string) {
    record('app.setName', name);
    app.name = name;
  },
  getName: () => app.name,
  getVersion: () => '0.1.0',
  getPath(name: string) {
    if (name === 'userData') return userData;
    if (name === 'temp') return tmpdir();
    return join(userData, `fake-${name}`);
  },
  isReady: () => ready,
  whenReady: () => whenReadyPromise,
  requestSingleInstanceLock() {
    singleInstanceLock = process.env.DESKSIDE_SMOKE_SECOND_INSTANCE !== '1';
    record('app.requestSingleInstanceLock', singleInstanceLock);
    return singleInstanceLock;
  },
  releaseSingleInstanceLock() {
    record('app.releaseSingleInstanceLock');
    singleInstanceLock = false;
  },
  hasSingleInstanceLock: () => singleInstanceLock,
  setAsDefaultProtocolClient(protocol: string, path?: string, args?: string[]) {
    if (typeof protocol !== 'string' || (args !== undefined && !Array.isArray(args)))
      throw new TypeError('setAsDefaultProtocolClient(protocol, path?, args?)');
    record('app.setAsDefaultProtocolClient', protocol, path, args);
    return true;
  },
  quit() {
    record('app.quit');
    let prevented = false;
    app.emit('before-quit', { preventDefault: () => (prevented = true) });
    if (prevented) return;
    app.emit('will-quit', { preventDefault: () => undefined });
    exit(0);
  },
  exit(code = 0) {
    record('app.exit', code);
    exit(code);
  },
});
function exit(code: number): void {
  send({ type: 'exit', code, lockHeld: singleInstanceLock });
  for (const child of forks) if (child.exitCode === null) child.kill('SIGKILL');
  setTimeout(() => process.exit(code), 20);
}

// ---- protocol
const protocolHandlers = new Map<string, (request: Request) => Promise<Response>>();
const protocol = {
  registerSchemesAsPrivileged(schemes: Array<{ scheme: string; privileges?: object }>) {
    if (ready) throw new Error('protocol.registerSchemesAsPrivileged should be called before app is ready');
    for (const scheme of schemes) {
      const unknown = unknownKeys(scheme.privileges ?? {}, declared.privilegedSchemeOptions);
      if (unknown.length) throw new TypeError(`Unknown scheme privileges: ${unknown.join(', ')}`);
    }
    record('protocol.registerSchemesAsPrivileged', schemes);
  },
  handle(scheme: string, handler: (request: Request) => Promise<Response>) {
    requireReady('protocol.handle');
    record('protocol.handle', scheme);
    protocolHandlers.set(scheme, handler);
  },
};

// ---- session
let permissionCheck: ((contents: unknown, permission: string, origin: string, details: object) => boolean) | null =
  null;
let permissionRequest:
  ((contents: unknown, permission: string, callback: (granted: boolean) => void, details: object) => void) | null =
  null;
const defaultSession = {
  setPermissionRequestHandler(handler: typeof permissionRequest) {
    record('session.setPermissionRequestHandler');
    permissionRequest = handler;
  },
  setPermissionCheckHandler(handler: typeof permissionCheck) {
    record('session.setPermissionCheckHandler');
    permissionCheck = handler;
  },
  webRequest: { onHeadersReceived: (..._args: unknown[]) => record('session.webRequest.onHeadersReceived') },
};
/**
 * A session of a partition (`webPreferences.partition`): its own protocol handlers, which, as in Electron, may be
 * registered once per scheme, and its own request filter, applied to what its windows load.
 */
type RequestFilter = (details: { url: string }, callback: (response: { cancel: boolean }) => void) => void;
function partitionSession(partition: string) {
  const handlers = new Map<string, (request: Request) => Response | Promise<Response>>();
  let filter: RequestFilter | null = null;
  return {
    partition,
    handlers,
    blocks: (url: string) => {
      let cancel = false;
      filter?.({ url }, (response) => (cancel = response.cancel));
      return cancel;
    },
    protocol: {
      handle(scheme: string, handler: (request: Request) => Response | Promise<Response>) {
        if (handlers.has(scheme)) throw new Error(`Failed to register protocol: ${scheme}`);
        record('session.protocol.handle', partition, scheme);
        handlers.set(scheme, handler);
      },
      unhandle(scheme: string) {
        record('session.protocol.unhandle', partition, scheme);
        handlers.delete(scheme);
      },
    },
    webRequest: {
      onBeforeRequest(listener: RequestFilter) {
        filter = listener;
      },
    },
  };
}
const partitions = new Map<string, ReturnType<typeof partitionSession>>();

const session = {
  get defaultSession() {
    requireReady('session');
    return defaultSession;
  },
};

// ---- windows
const windows: FakeBrowserWindow[] = [];
let nextWebContentsId = 1;
class FakeBrowserWindow extends EventEmitter {
  static getAllWindows = () => [...windows];
  static getFocusedWindow = () => (process.env.DESKSIDE_SMOKE_UNFOCUSED === '1' ? null : (windows[0] ?? null));
  destroyed = false;
  readonly webContents: EventEmitter & { id: number };
  constructor(readonly options: Record<string, unknown>) {
    super();
    requireReady('BrowserWindow');
    const unknown = unknownKeys(options, declared.browserWindowOptions);
    const prefs = (options.webPreferences ?? {}) as Record<string, unknown>;
    unknown.push(...unknownKeys(prefs, declared.webPreferences).map((key) => `webPreferences.${key}`));
    if (unknown.length) throw new TypeError(`Unknown BrowserWindow options: ${unknown.join(', ')}`);
    if (typeof prefs.preload === 'string' && !existsSync(prefs.preload))
      throw new Error(`Unable to load preload script: ${prefs.preload}`);
    const id = nextWebContentsId++;
    const contents = new EventEmitter();
    let url = '';
    let loaded = false;
    const partition = typeof prefs.partition === 'string' ? prefs.partition : null;
    if (partition && !partitions.has(partition)) partitions.set(partition, partitionSession(partition));
    this.partition = partition ? partitions.get(partition)! : null;
    this.webContents = Object.assign(contents, {
      id,
      isDestroyed: () => this.destroyed,
      isLoading: () => false,
      getURL: () => url,
      send: (channel: string, payload: unknown) => {
        if (this.destroyed) throw new Error('Object has been destroyed');
        send({ type: 'send', window: id, channel, payload: plain(payload) });
      },
      setWindowOpenHandler: () => undefined,
      printToPDF: async () => {
        if (!loaded) throw new Error('printToPDF: the page has not loaded');
        return Buffer.from('%PDF-1.7 smoke');
      },
      session: this.partition ?? { webRequest: { onBeforeRequest: () => undefined } },
      loadURL: async (target: string) => this.loadURL(target),
    });
    this.loadTarget = (target) => (url = target);
    this.markLoaded = () => (loaded = true);
    windows.push(this);
    record('BrowserWindow', options);
    send({ type: 'window', id, options: plain(options) as object });
    app.emit('web-contents-created', {}, this.webContents);
  }
  private loadTarget: (url: string) => void;
  private markLoaded: () => void;
  private readonly partition: ReturnType<typeof partitionSession> | null;
  /** Loads like Chromium: app:// through the registered handler (a 404 is a failed load), files from disk. */
  async loadURL(target: string): Promise<void> {
    this.loadTarget(target);
    const scheme = target.split(':')[0]!;
    let status = 200;
    const own = this.partition?.handlers.get(scheme);
    // A partition's session has its own handlers only; the default session's are not in it.
    if (this.partition?.blocks(target)) status = 0;
    else if (own) status = (await own(new Request(target))).status;
    else if (this.partition && scheme !== 'file') status = 404;
    else if (protocolHandlers.has(scheme)) status = (await protocolHandlers.get(scheme)!(new Request(target))).status;
    else if (scheme === 'file') status = existsSync(fileURLToPath(target)) ? 200 : 404;
    send({ type: 'load', window: this.webContents.id, url: target, status });
    if (status !== 200) {
      this.webContents.emit('did-fail-load', {}, -6, 'ERR_FILE_NOT_FOUND', target);
      throw new Error(`ERR_FILE_NOT_FOUND (-6) loading '${target}'`);
    }
    this.markLoaded();
    setImmediate(() => {
      this.webContents.emit('did-finish-load');
      this.emit('ready-to-show');
    });
  }
  show = () => record('window.show');
  focus = () => record('window.focus');
  restore = () => undefined;
  maximize = () => undefined;
  isMinimized = () => false;
  isMaximized = () => false;
  isDestroyed = () => this.destroyed;
  getNormalBounds = () => ({ x: 0, y: 0, width: 1280, height: 800 });
  close(): void {
    this.emit('close', { preventDefault: () => undefined });
    this.destroy();
  }
  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    windows.splice(windows.indexOf(this), 1);
    this.emit('closed');
    if (windows.length === 0) app.emit('window-all-closed');
  }
}

// ---- IPC
const handlers = new Map<string, (event: unknown, ...args: unknown[]) => Promise<unknown>>();
const ipcMain = {
  handle(channel: string, listener: (event: unknown, ...args: unknown[]) => Promise<unknown>) {
    if (handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    handlers.set(channel, listener);
  },
  removeHandler: (channel: string) => handlers.delete(channel),
  on: (channel: string) => record('ipcMain.on', channel),
};

// ---- menu, screen, shell, dialog, net, safeStorage, utility processes
function checkMenu(items: Array<Record<string, unknown>>): void {
  for (const item of items) {
    const unknown = unknownKeys(item, declared.menuItemOptions);
    if (unknown.length) throw new TypeError(`Unknown menu item options: ${unknown.join(', ')}`);
    if (item.role !== undefined && !declared.menuRoles.has(String(item.role)))
      throw new TypeError(`Unknown menu role: ${String(item.role)}`);
    if (Array.isArray(item.submenu)) checkMenu(item.submenu as Array<Record<string, unknown>>);
  }
}
const Menu = {
  buildFromTemplate(template: Array<Record<string, unknown>>) {
    checkMenu(template);
    record('Menu.buildFromTemplate', template);
    return { template };
  },
  setApplicationMenu: (menu: unknown) => record('Menu.setApplicationMenu', menu !== null),
};
const screen = {
  getAllDisplays() {
    requireReady('screen');
    return [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }];
  },
};
const shell = {
  openExternal: async (url: string) => record('shell.openExternal', url),
  openPath: async () => '',
};
const dialog = {
  showErrorBox(title: string, content: string) {
    record('dialog.showErrorBox', title, content);
    send({ type: 'error-box', title, content });
  },
  async showSaveDialog(...args: unknown[]) {
    requireReady('dialog');
    record('dialog.showSaveDialog', ...args);
    return { canceled: true, filePath: undefined };
  },
};
let fetches = 0;
const net = {
  fetch(input: string | Request, init?: RequestInit) {
    requireReady('net');
    fetches++;
    send({ type: 'net.fetch', count: fetches });
    return fetch(input, init);
  },
};

/** Linux with a keyring, Linux without one (basic_text), macOS and Windows keychains. */
const keyring = scenario !== 'linux-basic-text';
let plainTextEncryption = false;
const xor = (bytes: Buffer) => Buffer.from([...bytes].map((byte) => byte ^ 0x2f));
const safeStorage = {
  getSelectedStorageBackend: () => {
    if (!ready) return 'unknown';
    return keyring ? 'gnome_libsecret' : 'basic_text';
  },
  async isAsyncEncryptionAvailable() {
    requireReady('safeStorage');
    return keyring || plainTextEncryption;
  },
  async encryptStringAsync(text: string) {
    requireReady('safeStorage');
    if (!keyring && !plainTextEncryption) throw new Error('Error while encrypting the text provided to safeStorage.');
    return xor(Buffer.from(text));
  },
  async decryptStringAsync(data: Buffer) {
    requireReady('safeStorage');
    return { result: xor(data).toString(), shouldReEncrypt: false };
  },
  setUsePlainTextEncryption(value: boolean) {
    record('safeStorage.setUsePlainTextEncryption', value);
    plainTextEncryption = value;
  },
  // The synchronous calls are deprecated in Electron 45: the app must not use them.
  isEncryptionAvailable() {
    throw new Error('safeStorage.isEncryptionAvailable is deprecated: use isAsyncEncryptionAvailable');
  },
  encryptString() {
    throw new Error('safeStorage.encryptString is deprecated: use encryptStringAsync');
  },
  decryptString() {
    throw new Error('safeStorage.decryptString is deprecated: use decryptStringAsync');
  },
};

const forks: ChildProcess[] = [];
const utilityProcess = {
  fork(modulePath: string, args: string[] = [], options: Record<string, unknown> = {}) {
    requireReady('utilityProcess');
    const unknown = unknownKeys(options, declared.forkOptions);
    if (unknown.length) throw new TypeError(`Unknown utilityProcess.fork options: ${unknown.join(', ')}`);
    const child = fork(modulePath, args, { stdio: ['ignore', 'pipe', 'pipe', 'ipc'], execArgv: [] });
    forks.push(child);
    record('utilityProcess.fork', modulePath, args, options);
    send({ type: 'fork', pid: child.pid });
    child.once('exit', (code, signal) => send({ type: 'fork-exit', pid: child.pid, code, signal }));
    return Object.assign(new EventEmitter(), {
      pid: child.pid,
      stdout: child.stdout,
      stderr: child.stderr,
      // A utility process's kill() takes no signal.
      kill: () => child.kill(),
      once: (event: string, listener: (...args: unknown[]) => void) => {
        child.once(event, listener);
        return undefined;
      },
      on: (event: string, listener: (...args: unknown[]) => void) => {
        child.on(event, listener);
        return undefined;
      },
    });
  },
};

// ---- the preload's side
const exposed = new Map<string, unknown>();
const contextBridge = {
  exposeInMainWorld(key: string, api: unknown) {
    if (exposed.has(key)) throw new Error(`Cannot bind an API on top of an existing property on the window object`);
    exposed.set(key, api);
    send({ type: 'exposed', key, api: plain(api) });
  },
};
const ipcRenderer = Object.assign(new EventEmitter(), {
  invoke: async (channel: string, ...args: unknown[]) => {
    record('ipcRenderer.invoke', channel, ...args);
    return { ok: true, value: null };
  },
});

// ---- the test drives the app through IPC
process.on('message', (raw: unknown) => {
  const message = raw as Message;
  void (async () => {
    switch (message.type) {
      case 'ready':
        ready = true;
        readyResolve();
        app.emit('ready', {}, {});
        break;
      case 'open-url':
        app.emit('open-url', { preventDefault: () => undefined }, message.url);
        break;
      case 'second-instance':
        app.emit('second-instance', {}, message.argv, process.cwd(), {});
        break;
      case 'activate':
        app.emit('activate', {}, windows.length > 0);
        break;
      case 'close-windows':
        for (const window of [...windows]) window.close();
        break;
      case 'quit':
        app.quit();
        break;
      case 'invoke': {
        const handler = handlers.get(String(message.channel));
        const frame = { url: String(message.origin ?? 'app://deskside/index.html'), parent: null };
        const result = handler
          ? await handler({ senderFrame: frame, sender: { mainFrame: frame } }, message.input)
          : { ok: false, error: { code: 'NO_HANDLER' } };
        send({ type: 'invoked', id: message.id, result: plain(result) });
        break;
      }
      case 'permission': {
        const origin = String(message.origin);
        const checked = permissionCheck?.(null, String(message.permission), origin, {}) ?? null;
        let requested: boolean | null = null;
        permissionRequest?.({}, String(message.permission), (granted) => (requested = granted), {
          requestingUrl: origin,
          isMainFrame: true,
        });
        send({ type: 'permission', id: message.id, checked, requested });
        break;
      }
      case 'state':
        send({ type: 'state', id: message.id, windows: windows.length, handlers: handlers.size, ready });
        break;
    }
  })().catch((error: unknown) => send({ type: 'harness-error', message: String(error) }));
});
process.on('uncaughtException', (error) => {
  send({ type: 'uncaught', message: error.message });
  process.exit(70);
});
process.on('unhandledRejection', (error) => {
  send({ type: 'uncaught', message: String((error as Error)?.message ?? error) });
  process.exit(70);
});
// After the app's module (which imported this one) has run its top level.
setImmediate(() => send({ type: 'loaded' }));

// electron-store reads these from the default export; the app itself uses the named ones.
export default { app, ipcMain, ipcRenderer, shell };
export {
  app,
  FakeBrowserWindow as BrowserWindow,
  contextBridge,
  dialog,
  ipcMain,
  ipcRenderer,
  Menu,
  net,
  protocol,
  safeStorage,
  screen,
  session,
  shell,
  utilityProcess,
};
