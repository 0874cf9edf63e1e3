/** Browser and operating system read from a user agent string, for the sessions tab and the report. */
export interface UserAgentInfo {
  browser: string;
  os: string;
}

const browsers: Array<[RegExp, string]> = [
  [/Edg(?:e|A|iOS)?\/(\d+)/, 'Edge'],
  [/OPR\/(\d+)/, 'Opera'],
  [/SamsungBrowser\/(\d+)/, 'Samsung Internet'],
  [/Firefox\/(\d+)/, 'Firefox'],
  [/FxiOS\/(\d+)/, 'Firefox'],
  [/CriOS\/(\d+)/, 'Chrome'],
  [/Chrome\/(\d+)/, 'Chrome'],
  [/Version\/(\d+(?:\.\d+)?).*Safari\//, 'Safari'],
];

const systems: Array<[RegExp, (match: RegExpMatchArray) => string]> = [
  [/iPhone OS (\d+)[_.](\d+)/, (m) => `iOS ${m[1]}.${m[2]}`],
  [/iPad; CPU OS (\d+)[_.](\d+)/, (m) => `iPadOS ${m[1]}.${m[2]}`],
  [/Android (\d+(?:\.\d+)?)/, (m) => `Android ${m[1]}`],
  [/Windows NT 10\.0/, () => 'Windows 10/11'],
  [/Windows NT (\d+\.\d+)/, (m) => `Windows NT ${m[1]}`],
  [/Mac OS X (\d+)[_.](\d+)/, (m) => `macOS ${m[1]}.${m[2]}`],
  [/CrOS/, () => 'ChromeOS'],
  [/Linux/, () => 'Linux'],
];

export function parseUserAgent(userAgent: string | null | undefined): UserAgentInfo {
  const text = userAgent ?? '';
  let browser = 'Unknown browser';
  for (const [pattern, name] of browsers) {
    const match = text.match(pattern);
    if (match) {
      browser = `${name} ${match[1]}`;
      break;
    }
  }
  let os = 'Unknown system';
  for (const [pattern, describe] of systems) {
    const match = text.match(pattern);
    if (match) {
      os = describe(match);
      break;
    }
  }
  return { browser, os };
}

export function placeName(location: { city: string | null; country: string | null } | null): string {
  if (!location) return 'Unknown';
  return [location.city, location.country].filter(Boolean).join(', ') || 'Unknown';
}
