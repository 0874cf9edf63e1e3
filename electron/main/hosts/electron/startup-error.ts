/**
 * Why the desktop app could not start, in words an agent or their IT can act on (shown in a dialog before
 * Deskside exits). Pure, so it is tested without Electron.
 */
export function describeStartupError(error: unknown): { title: string; detail: string } {
  const message = error instanceof Error ? error.message : String(error);
  const abi = /NODE_MODULE_VERSION (\d+)[\s\S]*?NODE_MODULE_VERSION (\d+)/.exec(message);
  if (abi || /better[-_]sqlite3|node_register_module|\.node\b/i.test(message))
    return {
      title: 'Deskside could not load its database module',
      detail:
        `The better-sqlite3-multiple-ciphers module was built for ${abi ? `ABI ${abi[1]}` : 'another runtime'}, ` +
        `not for this Electron${abi ? ` (ABI ${abi[2]})` : ''}. ` +
        'In a development checkout, run "node scripts/native.mjs electron" (npm start does it) and start again; ' +
        'in an installed app, reinstall Deskside. Your cached data was left as it was.',
    };
  return {
    title: 'Deskside could not start',
    detail: `${message.slice(0, 800)}\n\nDeskside will close. Start it again; if this keeps happening, send this message to your IT team.`,
  };
}
