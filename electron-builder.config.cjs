/**
 * Packaging for Linux (AppImage, deb), macOS (dmg) and Windows (nsis). Needs the Electron binaries, so it
 * cannot run on machines without them (see README). Fuses follow the Electron security checklist.
 * @type {import('electron-builder').Configuration}
 */
module.exports = {
  appId: 'io.deskside.console',
  productName: 'Deskside',
  directories: { output: 'dist', buildResources: 'resources' },
  files: ['out/**', 'package.json'],
  asar: true,
  // better-sqlite3-multiple-ciphers's native addon cannot load from inside the asar archive.
  asarUnpack: ['**/node_modules/better-sqlite3-multiple-ciphers/**'],
  npmRebuild: true,
  protocols: [{ name: 'Deskside account links', schemes: ['deskside'] }],
  electronFuses: {
    runAsNode: false,
    enableCookieEncryption: true,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    enableEmbeddedAsarIntegrityValidation: true,
    onlyLoadAppFromAsar: true,
    loadBrowserProcessSpecificV8Snapshot: false,
    grantFileProtocolExtraPrivileges: false,
  },
  linux: { target: ['AppImage', 'deb'], category: 'Office', icon: 'resources/icon.svg', maintainer: 'Deskside' },
  mac: { target: ['dmg'], category: 'public.app-category.business', hardenedRuntime: true },
  win: { target: ['nsis'] },
  // `protocols` above makes the NSIS installer register deskside:// for the installed app.
  nsis: { oneClick: false, perMachine: false, allowToChangeInstallationDirectory: true },
};
