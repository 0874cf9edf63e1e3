import { EventEmitter } from 'node:events';
import { vi } from 'vitest';

/**
 * A stand-in for the 'electron' module with just what Deskside's main process touches, recording calls so a
 * test can check the wiring of the Electron-only files without an Electron binary.
 */
export function createFakeElectron(options: { userData: string; singleInstance?: boolean }) {
  const app = Object.assign(new EventEmitter(), {
    isPackaged: true,
    setName: vi.fn(),
    getVersion: () => '1.2.3',
    getPath: vi.fn((name: string) => (name === 'userData' ? options.userData : `/fake/${name}`)),
    requestSingleInstanceLock: vi.fn(() => options.singleInstance ?? true),
    setAsDefaultProtocolClient: vi.fn(() => true),
    quit: vi.fn(),
    exit: vi.fn(),
    ready: null as null | (() => void),
    whenReady: vi.fn(() => new Promise<void>((resolve) => (app.ready = resolve))),
  });

  const handlers = new Map<string, (event: unknown, ...args: unknown[]) => Promise<unknown>>();
  const ipcMain = {
    handle: vi.fn((channel: string, listener: (event: unknown, ...args: unknown[]) => Promise<unknown>) =>
      handlers.set(channel, listener),
    ),
    removeHandler: vi.fn((channel: string) => handlers.delete(channel)),
  };

  const protocolHandlers = new Map<string, (request: Request) => Promise<Response>>();
  const protocol = {
    registerSchemesAsPrivileged: vi.fn(),
    handle: vi.fn((scheme: string, handler: (request: Request) => Promise<Response>) =>
      protocolHandlers.set(scheme, handler),
    ),
  };

  const session = {
    defaultSession: {
      setPermissionRequestHandler: vi.fn(),
      setPermissionCheckHandler: vi.fn(),
      webRequest: { onHeadersReceived: vi.fn() },
    },
  };

  const windows: FakeBrowserWindow[] = [];
  class FakeBrowserWindow extends EventEmitter {
    static getAllWindows = () => windows;
    static getFocusedWindow = () => windows[0] ?? null;
    readonly webContents = Object.assign(new EventEmitter(), {
      isDestroyed: () => false,
      send: vi.fn(),
      setWindowOpenHandler: vi.fn(),
      printToPDF: vi.fn(async () => Buffer.from('%PDF-1.7 fake')),
      session: { webRequest: { onBeforeRequest: vi.fn() }, protocol: { handle: vi.fn(), unhandle: vi.fn() } },
    });
    readonly destroy = vi.fn();
    readonly loadURL = vi.fn(async () => {});
    readonly maximize = vi.fn();
    readonly show = vi.fn();
    readonly focus = vi.fn();
    readonly restore = vi.fn();
    isMinimized = () => false;
    isMaximized = () => false;
    isDestroyed = () => false;
    getNormalBounds = () => ({ x: 10, y: 20, width: 1000, height: 700 });
    constructor(readonly options: Record<string, unknown>) {
      super();
      windows.push(this);
    }
  }

  const Menu = { buildFromTemplate: vi.fn((template: unknown) => ({ template })), setApplicationMenu: vi.fn() };
  const safeStorage = {
    isEncryptionAvailable: () => true,
    encryptString: (text: string) => Buffer.from(text).reverse(),
    decryptString: (data: Buffer) => Buffer.from(data).reverse().toString(),
    getSelectedStorageBackend: () => 'gnome_libsecret',
  };
  const screen = { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] };
  const shell = { openExternal: vi.fn(async () => {}) };
  const contextBridge = { exposeInMainWorld: vi.fn() };
  const utilityProcess = { fork: vi.fn() };
  const dialog = {
    showSaveDialog: vi.fn(async (..._args: unknown[]) => ({
      canceled: true,
      filePath: undefined as string | undefined,
    })),
  };

  return {
    module: {
      app,
      ipcMain,
      protocol,
      session,
      BrowserWindow: FakeBrowserWindow,
      Menu,
      safeStorage,
      screen,
      shell,
      contextBridge,
      utilityProcess,
      dialog,
      ipcRenderer: {},
    },
    handlers,
    protocolHandlers,
    windows,
  };
}
