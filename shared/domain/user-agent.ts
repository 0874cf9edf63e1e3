import Bowser from 'bowser';

/** Browser and operating system read from a user agent string, for the sessions and activity tabs and the report. */
export interface UserAgentInfo {
  browser: string;
  os: string;
}

/**
 * Apps that open pages in their own web view: bowser names the engine underneath (Safari, Chrome), while the
 * agent needs to hear "the Instagram app". Checked before bowser's answer; the app's version is not kept.
 */
const inAppBrowsers: Array<[RegExp, string]> = [
  [/\bFBAN\/|\bFBAV\/|\bFB_IAB\//, 'Facebook app'],
  [/\bInstagram\s\d/, 'Instagram app'],
  [/\bMessenger(?:ForiOS|LiteForiOS)?\//, 'Messenger app'],
  [/\bLinkedInApp\b/, 'LinkedIn app'],
  [/\bTikTok\b|\bmusical_ly_/, 'TikTok app'],
  [/\bSnapchat\//, 'Snapchat app'],
  [/\bLine\/\d/, 'LINE app'],
  [/\bPinterest\//, 'Pinterest app'],
  [/\bTwitter(?:Android)?\b/, 'X (Twitter) app'],
  [/\bGSA\/\d/, 'Google app'],
];

const browserNames: Record<string, string> = {
  'Microsoft Edge': 'Edge',
  'Samsung Internet for Android': 'Samsung Internet',
  'Android Browser': 'Android Browser',
};

const majorVersion = (version: string | undefined) => version?.split('.')[0] ?? '';
/** Safari's releases are told apart by their minor version (17.4, 17.5); others by their major. */
const browserVersion = (name: string, version: string | undefined) =>
  name === 'Safari' ? (version?.split('.').slice(0, 2).join('.') ?? '') : majorVersion(version);

function systemName(parsed: Bowser.Parser.ParsedResult): string {
  const { name, version, versionName } = parsed.os;
  const shortVersion = version?.split('.').slice(0, 2).join('.');
  switch (name) {
    case undefined:
    case '':
      return parsed.platform.type === 'bot' ? `${parsed.platform.vendor ?? 'Unknown'} crawler` : 'Unknown system';
    case 'Windows':
      // Windows 11 still sends "NT 10.0": the two cannot be told apart from the user agent.
      return versionName === '10' ? 'Windows 10/11' : versionName ? `Windows ${versionName}` : 'Windows';
    case 'iOS':
      return `${parsed.platform.model === 'iPad' || parsed.platform.type === 'tablet' ? 'iPadOS' : 'iOS'}${shortVersion ? ` ${shortVersion}` : ''}`;
    case 'Chrome OS':
      return 'ChromeOS';
    default:
      return shortVersion ? `${name} ${shortVersion}` : name;
  }
}

/** Names the browser and the system behind a user agent; anything unreadable says so rather than guessing. */
export function parseUserAgent(userAgent: string | null | undefined): UserAgentInfo {
  const text = userAgent?.trim() ?? '';
  if (!text) return { browser: 'Unknown browser', os: 'Unknown system' };
  const parsed = Bowser.parse(text);
  const os = systemName(parsed);
  const inApp = inAppBrowsers.find(([pattern]) => pattern.test(text));
  if (inApp) return { browser: inApp[1], os };
  // An Android WebView marks itself "; wv)": an app showing a page, not the customer's Chrome.
  if (/;\swv\)/.test(text)) return { browser: 'Android WebView', os };
  const rawName = parsed.browser.name;
  if (!rawName) return { browser: 'Unknown browser', os };
  const name = browserNames[rawName] ?? rawName;
  if (parsed.platform.type === 'bot') return { browser: `${name} (bot)`, os };
  const version = browserVersion(name, parsed.browser.version);
  return { browser: version ? `${name} ${version}` : name, os };
}

export function placeName(location: { city: string | null; country: string | null } | null): string {
  if (!location) return 'Unknown';
  return [location.city, location.country].filter(Boolean).join(', ') || 'Unknown';
}
