/** A menu item as Electron's Menu.buildFromTemplate takes it; declared here so this file stays pure. */
export interface MenuItemSpec {
  label?: string;
  role?: string;
  type?: 'separator' | 'submenu';
  accelerator?: string;
  click?: () => void;
  submenu?: MenuItemSpec[];
}

/** The application menu with the usual roles; on macOS the first menu is the app's own. */
export function applicationMenuTemplate(
  platform: NodeJS.Platform,
  actions: { showAbout: () => void },
  /** Developer tools only in development runs, never in a packaged app. */
  development = false,
): MenuItemSpec[] {
  const about: MenuItemSpec = { label: 'About Deskside', click: actions.showAbout };
  const isMac = platform === 'darwin';
  const template: MenuItemSpec[] = [];
  if (isMac) {
    template.push({
      label: 'Deskside',
      submenu: [
        about,
        { type: 'separator' },
        { role: 'hide' },
        { role: 'hideOthers' },
        { role: 'unhide' },
        { type: 'separator' },
        { role: 'quit' },
      ],
    });
  }
  template.push(
    { label: 'File', submenu: [isMac ? { role: 'close' } : { role: 'quit' }] },
    {
      label: 'Edit',
      submenu: [
        { role: 'undo' },
        { role: 'redo' },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
      ],
    },
    {
      label: 'View',
      submenu: [
        { role: 'reload' },
        ...(development ? [{ role: 'toggleDevTools' }] : []),
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    {
      label: 'Window',
      submenu: isMac
        ? [{ role: 'minimize' }, { role: 'zoom' }, { role: 'front' }]
        : [{ role: 'minimize' }, { role: 'close' }],
    },
    { label: 'Help', submenu: isMac ? [] : [about] },
  );
  return template;
}
