/** deskside://account/<store>/<accountId>: the link a ticket system uses to open an account in Deskside. */
export const LINK_SCHEME = 'deskside';

export function accountLink(store: string, accountId: string): string {
  return `${LINK_SCHEME}://account/${encodeURIComponent(store)}/${encodeURIComponent(accountId)}`;
}

/** The account a deskside:// link (or the web host's /account/<store>/<id> route) names, or null. */
export function parseAccountLink(link: string): { store: string; accountId: string } | null {
  const match = /^(?:deskside:\/\/account|\/account)\/([^/?#]+)\/([^/?#]+)\/?(?:[?#].*)?$/i.exec(link.trim());
  if (!match) return null;
  try {
    const store = decodeURIComponent(match[1]!);
    const accountId = decodeURIComponent(match[2]!);
    if (!/^[\w.-]{1,64}$/.test(store) || !/^[\w.@:-]{1,128}$/.test(accountId)) return null;
    return { store, accountId };
  } catch {
    return null;
  }
}
