import { countries } from './places';
import type { ProofingStepType } from '../api/schemas';
import type { AttributeDefinition } from '../domain/attributes';

/** The seeded platform's configuration: stores with their schemas, and everything accounts refer to. */

const flags = (display: boolean, editable: boolean) => ({
  enabled: true,
  displayOnAdminConsole: display,
  displayOnMyAccount: display,
  displayOnOrganizationPortal: display,
  displayOnRegistration: false,
  editableOnAdminConsole: editable,
  editableOnMyAccount: editable,
  editableOnOrganizationPortal: editable,
  frontendHook: { enabled: false },
});

type Spec = Partial<AttributeDefinition> & Pick<AttributeDefinition, 'type' | 'name' | 'displayName'>;

function attribute(store: string, spec: Spec, display = true, editable = true): AttributeDefinition {
  return {
    id: `${store}-${spec.path ? `${spec.path}.` : ''}${spec.name}`.replace(/\./g, '-'),
    path: '',
    required: false,
    ...flags(display, editable),
    ...spec,
  } as AttributeDefinition;
}

const identifiers = (store: string, kinds: Array<'USERNAME_IDENTIFIER' | 'EMAIL_IDENTIFIER' | 'PHONE_IDENTIFIER'>) => [
  ...kinds.map((type) =>
    attribute(
      store,
      {
        type,
        name: type.split('_')[0]!.toLowerCase(),
        displayName: type === 'USERNAME_IDENTIFIER' ? 'Username' : type === 'EMAIL_IDENTIFIER' ? 'Email' : 'Phone',
      },
      true,
      false,
    ),
  ),
  attribute(store, { type: 'PASSWORD', name: 'password', displayName: 'Password' }, false, false),
];

/** A select's values, each with the name the admin console shows for it. */
const select = (values: Record<string, string>) =>
  Object.entries(values).map(([value, displayName]) => ({ value, displayName }));

export const stores = [
  {
    name: 'consumers',
    description: 'Shoppers of the retail brands: self-registered, email login.',
    activationRequired: true,
    passwordPolicy: {
      id: 'consumer-default',
      minLength: 8,
      requireDigit: true,
      requireLetter: true,
      requireSymbol: false,
    },
    maxFailedLogins: 5,
    /** Days the store keeps account events (accountEventTTL). */
    eventRetentionDays: 90,
    attributes: [
      ...identifiers('consumers', ['EMAIL_IDENTIFIER', 'PHONE_IDENTIFIER']),
      attribute('consumers', {
        type: 'STRING',
        path: 'name',
        name: 'givenName',
        displayName: 'Given name',
        indexing: 'searchOnly',
        required: true,
        validator: { min: 1, max: 128 },
      }),
      attribute('consumers', {
        type: 'STRING',
        path: 'name',
        name: 'familyName',
        displayName: 'Family name',
        indexing: 'searchOnly',
        validator: { max: 128 },
      }),
      attribute(
        'consumers',
        {
          type: 'STRING',
          name: 'customerNumber',
          displayName: 'Customer number',
          indexing: 'searchUnique',
          validator: { regex: '^C-\\d{7}$', errorMessage: 'Customer numbers look like C-1234567' },
        },
        true,
        false,
      ),
      attribute('consumers', {
        type: 'SELECT',
        name: 'loyaltyTier',
        displayName: 'Loyalty tier',
        indexing: 'searchOnly',
        values: select({ bronze: 'Bronze', silver: 'Silver', gold: 'Gold', platinum: 'Platinum' }),
        renderType: 'native',
      }),
      attribute('consumers', {
        type: 'DATE',
        name: 'birthDate',
        displayName: 'Date of birth',
        indexing: 'none',
        renderType: 'native',
      }),
      attribute('consumers', {
        type: 'PHONE_NUMBER',
        name: 'contactPhone',
        displayName: 'Contact phone',
        indexing: 'none',
      }),
      attribute('consumers', {
        type: 'SELECT',
        name: 'preferredLanguage',
        displayName: 'Preferred language',
        indexing: 'none',
        values: select({
          en: 'English',
          hu: 'Hungarian',
          de: 'German',
          fr: 'French',
          es: 'Spanish',
          ja: 'Japanese',
          pt: 'Portuguese',
          sv: 'Swedish',
        }),
      }),
      attribute('consumers', { type: 'CHECKBOX', name: 'newsletter', displayName: 'Newsletter', default: false }),
      attribute('consumers', {
        type: 'STRING_LIST',
        name: 'interests',
        displayName: 'Interests',
        indexing: 'none',
        listValidator: { min: 0, max: 10 },
      }),
      attribute('consumers', {
        type: 'COMPLEX_LIST',
        name: 'addresses',
        displayName: 'Addresses',
        listValidator: { min: 0, max: 5 },
        attributes: [
          {
            id: 'consumers-addresses-street',
            type: 'STRING',
            name: 'street',
            displayName: 'Street',
            path: 'addresses',
            enabled: true,
            required: true,
            indexing: 'none',
          },
          {
            id: 'consumers-addresses-city',
            type: 'STRING',
            name: 'city',
            displayName: 'City',
            path: 'addresses',
            enabled: true,
            required: true,
            indexing: 'none',
          },
          {
            id: 'consumers-addresses-postalCode',
            type: 'STRING',
            name: 'postalCode',
            displayName: 'Postal code',
            path: 'addresses',
            enabled: true,
            required: false,
            indexing: 'none',
          },
          {
            id: 'consumers-addresses-country',
            type: 'SELECT',
            name: 'country',
            displayName: 'Country',
            path: 'addresses',
            enabled: true,
            required: true,
            indexing: 'none',
            values: select(
              Object.fromEntries(Object.entries(countries).map(([code, country]) => [code, country.name])),
            ),
          },
        ] as unknown as AttributeDefinition[],
      }),
      attribute(
        'consumers',
        { type: 'STRING', name: 'fraudScore', displayName: 'Fraud score (internal)', indexing: 'none' },
        false,
        false,
      ),
    ],
  },
  {
    name: 'business',
    description: 'Employees of the business customers, organized by company.',
    activationRequired: false,
    passwordPolicy: {
      id: 'business-strict',
      minLength: 12,
      requireDigit: true,
      requireLetter: true,
      requireSymbol: true,
    },
    maxFailedLogins: 3,
    /** Days the store keeps account events (accountEventTTL). */
    eventRetentionDays: 365,
    attributes: [
      ...identifiers('business', ['USERNAME_IDENTIFIER', 'EMAIL_IDENTIFIER']),
      attribute('business', {
        type: 'STRING',
        path: 'name',
        name: 'givenName',
        displayName: 'Given name',
        indexing: 'none',
        required: true,
      }),
      attribute('business', {
        type: 'STRING',
        path: 'name',
        name: 'familyName',
        displayName: 'Family name',
        indexing: 'searchOnly',
        required: true,
      }),
      attribute(
        'business',
        { type: 'STRING', name: 'employeeId', displayName: 'Employee ID', indexing: 'searchUniqueInOrganization' },
        true,
        false,
      ),
      attribute('business', {
        type: 'SELECT',
        name: 'department',
        displayName: 'Department',
        indexing: 'searchOnly',
        values: select({
          sales: 'Sales',
          engineering: 'Engineering',
          finance: 'Finance',
          support: 'Customer support',
          hr: 'Human resources',
          legal: 'Legal',
        }),
      }),
      attribute('business', {
        type: 'STRING',
        name: 'costCenter',
        displayName: 'Cost center',
        indexing: 'searchOnly',
        validator: { regex: '^CC-\\d{4}$', errorMessage: 'Cost centers look like CC-1234' },
      }),
      attribute('business', { type: 'DATE', name: 'startDate', displayName: 'Start date', indexing: 'searchOnly' }),
      attribute('business', { type: 'STRING', name: 'jobTitle', displayName: 'Job title', indexing: 'none' }),
      attribute('business', { type: 'PHONE_NUMBER', name: 'workPhone', displayName: 'Work phone', indexing: 'none' }),
      attribute('business', {
        type: 'EMAIL_LIST',
        name: 'secondaryEmails',
        displayName: 'Secondary emails',
        indexing: 'none',
        listValidator: { min: 0, max: 5 },
      }),
      attribute('business', { type: 'CHECKBOX', name: 'contractor', displayName: 'Contractor', default: false }),
    ],
  },
  {
    name: 'partners',
    description: 'Resellers and integrators with portal access, username login.',
    activationRequired: false,
    passwordPolicy: {
      id: 'partner-default',
      minLength: 10,
      requireDigit: true,
      requireLetter: true,
      requireSymbol: false,
    },
    maxFailedLogins: 5,
    /** Days the store keeps account events (accountEventTTL). */
    eventRetentionDays: 180,
    attributes: [
      ...identifiers('partners', ['USERNAME_IDENTIFIER', 'EMAIL_IDENTIFIER', 'PHONE_IDENTIFIER']),
      attribute('partners', {
        type: 'STRING',
        path: 'name',
        name: 'givenName',
        displayName: 'Given name',
        indexing: 'none',
      }),
      attribute('partners', {
        type: 'STRING',
        path: 'name',
        name: 'familyName',
        displayName: 'Family name',
        indexing: 'none',
      }),
      attribute('partners', {
        type: 'STRING',
        name: 'companyName',
        displayName: 'Company',
        indexing: 'searchOnly',
        required: true,
      }),
      attribute('partners', {
        type: 'SELECT',
        name: 'partnerLevel',
        displayName: 'Partner level',
        indexing: 'searchOnly',
        values: select({ registered: 'Registered', silver: 'Silver partner', gold: 'Gold partner' }),
      }),
      attribute('partners', {
        type: 'SELECT_LIST',
        name: 'regions',
        displayName: 'Regions',
        indexing: 'searchOnly',
        values: select({ emea: 'Europe, Middle East and Africa', amer: 'Americas', apac: 'Asia Pacific' }),
      }),
      attribute('partners', {
        type: 'PHONE_NUMBER_LIST',
        name: 'contactPhones',
        displayName: 'Contact phones',
        indexing: 'none',
      }),
      attribute('partners', {
        type: 'DATE_LIST',
        name: 'certifiedOn',
        displayName: 'Certification dates',
        indexing: 'none',
      }),
      attribute('partners', {
        type: 'CHECKBOX',
        name: 'acceptedResellerTerms',
        displayName: 'Accepted reseller terms',
      }),
    ],
  },
] as const;

export const groups: Record<string, string[]> = {
  consumers: ['Beta testers', 'VIP customers', 'Newsletter subscribers', 'Fraud review', 'Support escalations'],
  business: ['All staff', 'Administrators', 'Finance approvers', 'Engineering', 'Contractors'],
  partners: ['Resellers', 'Integrators', 'Gold partners'],
};

/** [id, store, name, parent id, route] */
export const organizations: Array<[string, string, string, string | null, string]> = [
  ['acme', 'business', 'Acme Corporation', null, 'acme'],
  ['acme-europe', 'business', 'Acme Europe', 'acme', 'acme-eu'],
  ['acme-americas', 'business', 'Acme Americas', 'acme', 'acme-us'],
  ['globex', 'business', 'Globex', null, 'globex'],
  ['globex-labs', 'business', 'Globex Labs', 'globex', 'globex-labs'],
  ['initech', 'business', 'Initech', null, 'initech'],
  ['umbrella', 'business', 'Umbrella Health', null, 'umbrella'],
  ['north-partners', 'partners', 'North Partners Ltd', null, 'north'],
  ['south-partners', 'partners', 'South Partners GmbH', null, 'south'],
];

/** [id, store, name, scopes] */
export const roles: Array<[string, string, string, string[]]> = [
  ['business-viewer', 'business', 'Viewer', ['reports:read']],
  ['business-editor', 'business', 'Editor', ['reports:read', 'reports:write']],
  ['business-billing', 'business', 'Billing admin', ['billing:read', 'billing:write']],
  ['business-org-admin', 'business', 'Organization admin', ['org:manage', 'users:manage']],
  ['partners-user', 'partners', 'Partner user', ['deals:read']],
  ['partners-admin', 'partners', 'Partner admin', ['deals:read', 'deals:write', 'users:manage']],
  ['consumers-tester', 'consumers', 'Beta feature tester', ['beta:access']],
];

/** [id, name, description, steps]: each step passes to the next; a failure ends with the policy's message. */
export const proofingPolicies: Array<[string, string, string, ProofingStepType[]]> = [
  ['document-check', 'Document check', 'Government ID and selfie match', ['proofingData', 'documentVerification']],
  [
    'knowledge-based',
    'Knowledge-based verification',
    'Questions from credit history',
    ['proofingData', 'addressRiskEvaluation', 'knowledgeBasedVerification'],
  ],
  [
    'phone-affirmation',
    'Phone affirmation',
    'Carrier-confirmed phone ownership',
    ['phoneNumberRiskEvaluation', 'phoneBasedIdentityAffirmation'],
  ],
];

/** [id, name, versions' texts] — the last text is the current version. */
export const consents: Array<[string, string, string[]]> = [
  [
    'terms-of-service',
    'Terms of service',
    [
      'I accept the terms of service (2024).',
      'I accept the terms of service (2025).',
      'I accept the terms of service (2026), including arbitration.',
    ],
  ],
  ['marketing-email', 'Marketing emails', ['Send me offers by email.', 'Send me personalised offers by email.']],
  ['partner-sharing', 'Data sharing with partners', ['Share my purchase history with partner brands.']],
  [
    'biometrics',
    'Biometric processing',
    ['Use my face to verify my identity.', 'Use my face to verify my identity; templates are deleted after 30 days.'],
  ],
];

/** [id, name, brandName, primary colour] */
export const brands: Array<[string, string, string, string]> = [
  ['brand-retail', 'Retail brand', 'Deskside Retail', '#d1495b'],
  ['brand-workplace', 'Workplace default', 'Workplace', '#2455c3'],
  ['brand-acme', 'Acme brand', 'Acme Corporation', '#e07a1f'],
  ['brand-globex', 'Globex brand', 'Globex', '#0f7d6b'],
  ['brand-partner', 'Partner portal brand', 'Partner Network', '#5b3cc4'],
];

/** [id, name, sender, sender display name] */
export const notificationPolicies: Array<[string, string, string, string]> = [
  ['np-retail', 'Retail notifications', 'hello', 'Deskside Retail'],
  ['np-business', 'Business notifications', 'no-reply', 'Workplace'],
  ['np-acme', 'Acme notifications', 'it-help', 'Acme IT'],
  ['np-partner', 'Partner notifications', 'partners', 'Partner Network'],
];

/** [id, store, name, type, brand, notification policy, clients: [id, name, type]] */
export const applications: Array<
  [string, string, string, 'personal' | 'organizational' | 'hybrid', string, string, Array<[string, string, string]>]
> = [
  [
    'app-shop',
    'consumers',
    'Shop',
    'personal',
    'brand-retail',
    'np-retail',
    [
      ['client-shop-web', 'Shop web', 'oauth2'],
      ['client-shop-ios', 'Shop iOS app', 'oauth2Native'],
    ],
  ],
  [
    'app-loyalty',
    'consumers',
    'Loyalty club',
    'personal',
    'brand-retail',
    'np-retail',
    [['client-loyalty-web', 'Loyalty web', 'oauth2']],
  ],
  [
    'app-workplace',
    'business',
    'Workplace portal',
    'organizational',
    'brand-workplace',
    'np-business',
    [
      ['client-workplace-web', 'Workplace web', 'oauth2'],
      ['client-workplace-orgportal', 'Organization portal', 'orgPortal'],
    ],
  ],
  [
    'app-hr',
    'business',
    'HR self-service',
    'personal',
    'brand-workplace',
    'np-business',
    [['client-hr-web', 'HR self-service web', 'oauth2']],
  ],
  [
    'app-partner-portal',
    'partners',
    'Partner portal',
    'hybrid',
    'brand-partner',
    'np-partner',
    [['client-partner-web', 'Partner portal web', 'oauth2']],
  ],
];

/** [application, organization, brand override, notification policy override] */
export const organizationPolicies: Array<[string, string, string | null, string | null]> = [
  ['app-workplace', 'acme', 'brand-acme', 'np-acme'],
  ['app-workplace', 'acme-europe', 'brand-acme', 'np-acme'],
  ['app-workplace', 'globex', 'brand-globex', null],
];

/** A group's id: the store and its name. */
export const groupId = (store: string, name: string) =>
  `${store}-${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`.replace(/-+$/, '');
