import { join } from 'node:path';

export const APP_NAME = 'Deskside';

/**
 * The OS application-data folder for Deskside: the same folder Electron's app.getPath('userData') gives
 * the desktop app, so the web host and the desktop app share settings and cache.
 */
export function defaultDataDir(platform: NodeJS.Platform, env: NodeJS.ProcessEnv, home: string): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), APP_NAME);
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', APP_NAME);
  return join(env.XDG_CONFIG_HOME || join(home, '.config'), APP_NAME);
}
