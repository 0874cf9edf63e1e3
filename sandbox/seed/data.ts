export const givenNames = [
  'Ada', 'Alan', 'Grace', 'Linus', 'Margaret', 'Dennis', 'Barbara', 'Ken', 'Frances', 'Edsger', 'Radia', 'Tim', 'Katherine', 'John', 'Hedy',
  'Donald', 'Sophie', 'Guido', 'Anita', 'James', 'Lucía', 'Mateo', 'Zsófia', 'Bence', 'Aiko', 'Hiroshi', 'Priya', 'Arjun', 'Chiamaka', 'Emeka',
  'Olga', 'Ivan', 'Ingrid', 'Lars', 'Fatima', 'Omar', 'Mei', 'Wei', 'Camille', 'Louis', 'Amara', 'Kwame', 'Sofía', 'Diego', 'Noor', 'Yusuf',
  'Elena', 'Marco', 'Hannah', 'Jonas',
];
export const familyNames = [
  'Lovelace', 'Turing', 'Hopper', 'Torvalds', 'Hamilton', 'Ritchie', 'Liskov', 'Thompson', 'Allen', 'Dijkstra', 'Perlman', 'Berners-Lee', 'Johnson',
  'Backus', 'Lamarr', 'Knuth', 'Wilson', 'van Rossum', 'Borg', 'Gosling', 'García', 'Fernández', 'Nagy', 'Kovács', 'Tanaka', 'Sato', 'Sharma',
  'Patel', 'Okafor', 'Eze', 'Ivanova', 'Petrov', 'Larsen', 'Nilsson', 'Haddad', 'Farouk', 'Chen', 'Wang', 'Martin', 'Bernard', 'Mensah', 'Boateng',
  'Rodríguez', 'López', 'Khan', 'Demir', 'Rossi', 'Bianchi', 'Schmidt', 'Müller',
];
export const consumerDomains: Array<[string, number]> = [
  ['example.com', 30], ['mail.example.org', 15], ['inbox.example', 20], ['eu.inbox.example', 8], ['us.inbox.example', 8], ['post.example.net', 10],
  ['students.uni.example', 5], ['fastmail.example', 4],
];
export const userAgents = [
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.0.0 Safari/537.36',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15',
  'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1',
  'Mozilla/5.0 (Linux; Android 15; Pixel 9) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.0.0 Mobile Safari/537.36',
  'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.0.0 Safari/537.36 Edg/142.0.0.0',
];
export const ipPrefixes = ['31.46', '46.139', '62.201', '81.2', '89.133', '94.21', '145.236', '176.58', '185.199', '203.0', '77.111', '152.66'];
export const streets = ['Main Street', 'Andrássy út', 'Rue de Rivoli', 'Baker Street', 'Unter den Linden', 'Calle Mayor', 'Shibuya Crossing', 'Queen Street'];
export const cities = ['Budapest', 'Paris', 'London', 'Berlin', 'Madrid', 'Tokyo', 'Toronto', 'Sydney'];
export const countries = ['HU', 'FR', 'GB', 'DE', 'ES', 'JP', 'CA', 'AU'];
export const interests = ['running', 'cooking', 'photography', 'gaming', 'travel', 'music', 'reading', 'cycling'];

/**
 * Values that every screen and export must show as text: markup and script, URL schemes, right-to-left and
 * bidirectional text, emoji, zero-width characters, and very long strings.
 */
export const hostileValues = {
  scriptTag: '<script>window.__desksidePwned = true</script>',
  imgOnError: '<img src=x onerror="window.__desksidePwned = true">',
  svgOnLoad: '<svg onload="window.__desksidePwned = true"></svg>',
  javascriptUrl: 'javascript:window.__desksidePwned=true',
  templateInjection: '{{constructor.constructor("window.__desksidePwned = true")()}}',
  sqlLike: "Robert'); DROP TABLE accounts;--",
  rightToLeft: 'مرحبا بالعالم',
  bidiOverride: 'user\u202Egnp.exe',
  emoji: '🦄🔥👩🏽‍💻🇭🇺',
  zeroWidth: 'ad\u200Bmin\u200D',
  longText: 'A very long value '.repeat(300).trim(),
  quotes: `"double" 'single' \`back\``,
};
