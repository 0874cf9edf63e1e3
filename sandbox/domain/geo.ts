/** A small offline table of places; an IP address maps to one deterministically, with no network lookup. */
const places: Array<[city: string, country: string, countryCode: string, longitude: number, latitude: number]> = [
  ['Budapest', 'Hungary', 'HU', 19.04, 47.5],
  ['New York', 'United States', 'US', -74.0, 40.71],
  ['San Francisco', 'United States', 'US', -122.42, 37.77],
  ['London', 'United Kingdom', 'GB', -0.13, 51.51],
  ['Berlin', 'Germany', 'DE', 13.4, 52.52],
  ['Paris', 'France', 'FR', 2.35, 48.86],
  ['Toronto', 'Canada', 'CA', -79.38, 43.65],
  ['São Paulo', 'Brazil', 'BR', -46.63, -23.55],
  ['Tokyo', 'Japan', 'JP', 139.69, 35.69],
  ['Sydney', 'Australia', 'AU', 151.21, -33.87],
  ['Mumbai', 'India', 'IN', 72.88, 19.08],
  ['Lagos', 'Nigeria', 'NG', 3.38, 6.52],
  ['Madrid', 'Spain', 'ES', -3.7, 40.42],
  ['Stockholm', 'Sweden', 'SE', 18.07, 59.33],
  ['Mexico City', 'Mexico', 'MX', -99.13, 19.43],
  ['Singapore', 'Singapore', 'SG', 103.82, 1.35],
];

export interface GeoFeature {
  type: 'Feature';
  geometry: { type: 'Point'; coordinates: number[] };
  properties: Record<string, string>;
}

export const placeCount = places.length;

export function placeAt(index: number): GeoFeature {
  const [city, country, countryCode, longitude, latitude] =
    places[((index % places.length) + places.length) % places.length]!;
  return {
    type: 'Feature',
    geometry: { type: 'Point', coordinates: [longitude, latitude] },
    properties: { city, country, countryCode },
  };
}

/** The place of an IPv4 or IPv6 address: loopback and private ranges are "Local network". */
export function locateIp(ip: string): GeoFeature {
  if (/^(127\.|10\.|192\.168\.|::1$|::ffff:127\.)/.test(ip) || /^172\.(1[6-9]|2\d|3[01])\./.test(ip)) {
    return {
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [0, 0] },
      properties: { city: 'Local network', country: '', countryCode: '' },
    };
  }
  let hash = 0;
  for (const char of ip.split(/[.:]/).slice(0, 2).join('.')) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return placeAt(hash);
}
