import type { BrowserWindow } from 'electron';
import Store from 'electron-store';
import { restoreWindowState, type Rect, type WindowState } from './window-state';

/** Remembers the main window's size, position and maximized state between runs. */
export function createWindowStateKeeper(displays: () => Rect[]) {
  const store = new Store<{ window?: unknown }>({ name: 'window-state', clearInvalidConfig: true });
  return {
    initial: (): WindowState => restoreWindowState(store.get('window'), displays()),
    track(window: BrowserWindow): void {
      const save = () => {
        if (window.isDestroyed()) return;
        const bounds = window.getNormalBounds();
        store.set('window', { ...bounds, maximized: window.isMaximized() });
      };
      window.on('close', save);
    },
  };
}
