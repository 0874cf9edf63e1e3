// What shared/ may use of the hosts it runs in: the WHATWG URL parser, which the browser and Node both provide.
// Only tsconfig.shared.json reads this file; the renderer and the main side get URL from their own libraries.
declare class URL {
  constructor(url: string, base?: string);
  readonly protocol: string;
  readonly hostname: string;
}
