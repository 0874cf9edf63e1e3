import { getExampleNumber } from 'libphonenumber-js/min';
import mobileExamples from 'libphonenumber-js/mobile/examples';
import type { CountryCode } from 'libphonenumber-js/min';
import { locateIp, placeAt, placeCount, type GeoFeature } from '../domain/geo';
import type { Prng } from './prng';

/**
 * What a customer's home country decides, so that a city, its country, a postal code, a phone number and a language
 * agree with each other. One entry per country of the platform's place table (domain/geo.ts), which also decides
 * where a sign-in from an IP address is placed.
 */
interface Country {
  name: string;
  /** The account's language (BCP 47) and the consumer store's preferred-language value. */
  language: string;
  preferredLanguage: 'en' | 'hu' | 'de' | 'fr' | 'es' | 'ja' | 'pt' | 'sv';
  /** A postal code of the shape of the country's city in the place table (see postalCode). */
  postalShape: string;
  streets: readonly string[];
}

export const countries: Readonly<Record<string, Country>> = {
  HU: {
    name: 'Hungary',
    language: 'hu-HU',
    preferredLanguage: 'hu',
    postalShape: '1#99',
    streets: ['Andrássy út', 'Váci utca', 'Bartók Béla út', 'Király utca'],
  },
  US: {
    name: 'United States',
    language: 'en-US',
    preferredLanguage: 'en',
    postalShape: '#9999',
    streets: ['Main Street', 'Oak Avenue', 'Market Street', 'Broadway'],
  },
  GB: {
    name: 'United Kingdom',
    language: 'en-GB',
    preferredLanguage: 'en',
    postalShape: 'AA9 9AA',
    streets: ['High Street', 'Station Road', 'Church Lane', 'Victoria Road'],
  },
  DE: {
    name: 'Germany',
    language: 'de-DE',
    preferredLanguage: 'de',
    postalShape: '#9999',
    streets: ['Hauptstraße', 'Schulstraße', 'Gartenweg', 'Bahnhofstraße'],
  },
  FR: {
    name: 'France',
    language: 'fr-FR',
    preferredLanguage: 'fr',
    postalShape: '#9999',
    streets: ['Rue de la Paix', 'Avenue Victor Hugo', 'Rue du Moulin', 'Boulevard Voltaire'],
  },
  CA: {
    name: 'Canada',
    language: 'en-CA',
    preferredLanguage: 'en',
    postalShape: 'A9A 9A9',
    streets: ['King Street', 'Queen Street West', 'Yonge Street', 'Maple Drive'],
  },
  BR: {
    name: 'Brazil',
    language: 'pt-BR',
    preferredLanguage: 'pt',
    postalShape: '0#999-999',
    streets: ['Rua das Flores', 'Avenida Paulista', 'Rua Augusta', 'Rua da Consolação'],
  },
  JP: {
    name: 'Japan',
    language: 'ja-JP',
    preferredLanguage: 'ja',
    postalShape: '1#9-9999',
    streets: ['Shibuya 2-chome', 'Ginza 4-chome', 'Shinjuku 3-chome', 'Roppongi 6-chome'],
  },
  AU: {
    name: 'Australia',
    language: 'en-AU',
    preferredLanguage: 'en',
    postalShape: '2#99',
    streets: ['George Street', 'Pitt Street', 'Elizabeth Street', 'Bondi Road'],
  },
  IN: {
    name: 'India',
    language: 'en-IN',
    preferredLanguage: 'en',
    postalShape: '4#9999',
    streets: ['MG Road', 'Linking Road', 'Hill Road', 'Carter Road'],
  },
  NG: {
    name: 'Nigeria',
    language: 'en-NG',
    preferredLanguage: 'en',
    postalShape: '1#9999',
    streets: ['Broad Street', 'Awolowo Road', 'Allen Avenue', 'Adeola Odeku Street'],
  },
  ES: {
    name: 'Spain',
    language: 'es-ES',
    preferredLanguage: 'es',
    postalShape: '28999',
    streets: ['Calle Mayor', 'Gran Vía', 'Calle de Alcalá', 'Paseo del Prado'],
  },
  SE: {
    name: 'Sweden',
    language: 'sv-SE',
    preferredLanguage: 'sv',
    postalShape: '1#9 99',
    streets: ['Drottninggatan', 'Storgatan', 'Kungsgatan', 'Sveavägen'],
  },
  MX: {
    name: 'Mexico',
    language: 'es-MX',
    preferredLanguage: 'es',
    postalShape: '0#999',
    streets: ['Avenida Reforma', 'Calle Madero', 'Avenida Insurgentes', 'Calle Durango'],
  },
  SG: {
    name: 'Singapore',
    language: 'en-SG',
    preferredLanguage: 'en',
    postalShape: '#99999',
    streets: ['Orchard Road', 'Bukit Timah Road', 'Serangoon Road', 'Tanjong Pagar Road'],
  },
};

/** A postal code of the shape: 9 any digit, # a digit from 1, A a capital letter, anything else as it is. */
export function postalCode(rng: Prng, shape: string): string {
  let code = '';
  for (const char of shape)
    code +=
      char === '9'
        ? String(rng.int(0, 9))
        : char === '#'
          ? String(rng.int(1, 9))
          : char === 'A'
            ? String.fromCharCode(65 + rng.int(0, 25))
            : char;
  return code;
}

/**
 * Mobile numbers of each country: the country's example number (libphonenumber-js) with its last six digits
 * varied; the first digits keep it a mobile number of that country. Worked out once.
 */
const phonePrefixes = new Map<string, { prefix: string; digits: number }>(
  Object.keys(countries).map((code) => {
    const example = getExampleNumber(code as CountryCode, mobileExamples)!;
    const national = example.nationalNumber;
    const keep = Math.max(3, national.length - 6);
    return [
      code,
      { prefix: `+${example.countryCallingCode}${national.slice(0, keep)}`, digits: national.length - keep },
    ];
  }),
);

/** A mobile number of the country, distinct for each account index (the varied digits are a bijection of it). */
export function phoneNumber(countryCode: string, index: number): string {
  const { prefix, digits } = phonePrefixes.get(countryCode)!;
  const modulus = 10 ** digits;
  // 7919 is coprime with every power of ten, so distinct indexes below the modulus give distinct numbers.
  return `${prefix}${String((index * 7919 + 12345) % modulus).padStart(digits, '0')}`;
}

/**
 * IP address blocks (/16) placed in each place of the table, found once by asking the platform's own locator: an
 * address drawn for a place is where the platform will say a sign-in from it came from.
 */
const blocksByPlace: string[][] = (() => {
  const blocks: string[][] = Array.from({ length: placeCount }, () => []);
  for (let a = 11; a < 224 && blocks.some((list) => list.length < 4); a++) {
    if (a === 127 || a === 172 || a === 192 || a === 10) continue;
    for (let b = 0; b < 256; b++) {
      const block = `${a}.${b}`;
      const city = locateIp(`${block}.1.1`).properties.city;
      const index = Array.from({ length: placeCount }, (_, at) => at).find(
        (at) => placeAt(at).properties.city === city,
      )!;
      if (blocks[index]!.length < 4) blocks[index]!.push(block);
    }
  }
  return blocks;
})();

/** An address from the place (its /16 blocks). */
export function ipIn(rng: Prng, place: number): string {
  return `${rng.pick(blocksByPlace[place]!)}.${rng.int(1, 254)}.${rng.int(1, 254)}`;
}

export interface Home {
  place: number;
  feature: GeoFeature;
  city: string;
  countryCode: string;
  country: Country;
}

/** The place table's entries as homes. */
export function homeAt(place: number): Home {
  const feature = placeAt(place);
  const countryCode = feature.properties.countryCode!;
  return { place, feature, city: feature.properties.city!, countryCode, country: countries[countryCode]! };
}
