import type { AttributeDefinition, ChildAttribute } from './identity-store';

/** Attribute types that are identifiers or secrets, edited elsewhere (authenticators), never as attributes. */
export const identifierTypes: ReadonlySet<string> = new Set([
  'USERNAME_IDENTIFIER',
  'EMAIL_IDENTIFIER',
  'PHONE_IDENTIFIER',
  'PASSWORD',
]);

const emailPattern = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;
/** E.164: a plus, a country code that does not start with 0, at most 15 digits in all. */
export const phonePattern = /^\+[1-9]\d{6,14}$/;
const datePattern = /^\d{4}-\d{2}-\d{2}$/;

/** A pattern this engine cannot read is left to the platform to check. */
function compile(regex: string): RegExp | null {
  try {
    return new RegExp(regex, 'u');
  } catch {
    return null;
  }
}

type Rules = Pick<ChildAttribute, 'type' | 'options' | 'validator'>;

function scalarProblem(type: string, value: unknown, rules: Rules): string | null {
  switch (type) {
    case 'STRING': {
      if (typeof value !== 'string') return 'must be text';
      const { min = 0, max = 512, regex, errorMessage } = rules.validator ?? {};
      if (value.length < min) return `must be at least ${min} characters`;
      if (value.length > max) return `must be at most ${max} characters`;
      if (regex) {
        const pattern = compile(regex);
        if (pattern && !pattern.test(value)) return errorMessage || `must match ${regex}`;
      }
      return null;
    }
    case 'CHECKBOX':
      return typeof value === 'boolean' ? null : 'must be true or false';
    case 'SELECT':
      return typeof value === 'string' && rules.options.some((option) => option.value === value)
        ? null
        : `must be one of ${rules.options.map((option) => option.label).join(', ')}`;
    case 'EMAIL':
      return typeof value === 'string' && emailPattern.test(value) ? null : 'must be an email address';
    case 'PHONE_NUMBER':
      return typeof value === 'string' && phonePattern.test(value)
        ? null
        : 'must be a phone number in international format, such as +36301234567';
    case 'DATE':
      return typeof value === 'string' && datePattern.test(value) && !Number.isNaN(Date.parse(value))
        ? null
        : 'must be a date as YYYY-MM-DD';
    default:
      return null;
  }
}

const isEmpty = (value: unknown) =>
  value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);

/**
 * Why a value does not fit its attribute (required, type, length, pattern, list limits, complex list items), or
 * null. The same rules the platform applies, checked before anything is sent.
 */
export function attributeProblem(attribute: AttributeDefinition, value: unknown): string | null {
  if (isEmpty(value)) return attribute.required ? 'is required' : null;
  if (!attribute.type.endsWith('_LIST')) return scalarProblem(attribute.type, value, attribute);
  if (!Array.isArray(value)) return 'must be a list';
  const { min = 0, max = 512 } = attribute.listLimits ?? {};
  if (value.length < min || value.length > max) return `must have between ${min} and ${max} items`;
  if (attribute.type === 'COMPLEX_LIST') {
    for (const [index, item] of value.entries()) {
      if (typeof item !== 'object' || item === null || Array.isArray(item))
        return `item ${index + 1} must be an object`;
      for (const child of attribute.children ?? []) {
        const childValue = (item as Record<string, unknown>)[child.name];
        if (isEmpty(childValue)) {
          if (child.required) return `item ${index + 1}: ${child.displayName} is required`;
          continue;
        }
        const problem = scalarProblem(child.type, childValue, child);
        if (problem) return `item ${index + 1}: ${child.displayName} ${problem}`;
      }
    }
    return null;
  }
  const itemType = attribute.type.replace(/_LIST$/, '');
  for (const [index, item] of value.entries()) {
    const problem = scalarProblem(itemType, item, attribute);
    if (problem) return `item ${index + 1} ${problem}`;
  }
  return null;
}

export function valueAt(data: Record<string, unknown>, key: string): unknown {
  let current: unknown = data;
  for (const part of key.split('.')) {
    if (typeof current !== 'object' || current === null || Array.isArray(current)) return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}

/** The attributes the admin console may show, and of those the ones it may edit. */
export const shownAttributes = (schema: AttributeDefinition[]) =>
  schema.filter((attribute) => attribute.visible && !identifierTypes.has(attribute.type));

/**
 * Only the values of attributes the admin console shows, nested as the account holds them. Hidden attributes
 * (displayOnAdminConsole false, which is also the published default) never reach the cache, the agent or a report;
 * with no schema known, nothing is shown.
 */
export function shownAttributeData(
  schema: AttributeDefinition[],
  data: Record<string, unknown>,
): Record<string, unknown> {
  const shown: Record<string, unknown> = {};
  for (const attribute of schema.filter((item) => item.visible)) {
    const value = valueAt(data, attribute.key);
    if (value === undefined) continue;
    const parts = attribute.key.split('.');
    let current = shown;
    for (const part of parts.slice(0, -1)) {
      const next = current[part];
      if (typeof next !== 'object' || next === null || Array.isArray(next)) current[part] = {};
      current = current[part] as Record<string, unknown>;
    }
    current[parts.at(-1)!] = value;
  }
  return shown;
}

/** Checks every change against the schema; returns the problems by attribute key (empty when all is well). */
export function changeProblems(
  schema: AttributeDefinition[],
  changes: Record<string, unknown>,
): Record<string, string> {
  const problems: Record<string, string> = {};
  for (const [key, value] of Object.entries(changes)) {
    const attribute = schema.find((item) => item.key === key);
    if (!attribute) problems[key] = 'is not an attribute of this identity store';
    else if (!attribute.editable || identifierTypes.has(attribute.type))
      problems[key] = 'cannot be edited from the admin console';
    else {
      const problem = attributeProblem(attribute, value);
      if (problem) problems[key] = problem;
    }
  }
  return problems;
}

/** Dotted keys to the nested body the Admin API takes: {'name.givenName': 'Ada'} -> {name: {givenName: 'Ada'}}. */
export function nestChanges(changes: Record<string, unknown>): Record<string, unknown> {
  const body: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  for (const [key, value] of Object.entries(changes)) {
    const parts = key.split('.');
    let current = body;
    for (const part of parts.slice(0, -1)) {
      const next = current[part];
      if (typeof next !== 'object' || next === null) current[part] = Object.create(null);
      current = current[part] as Record<string, unknown>;
    }
    current[parts.at(-1)!] = isEmpty(value) ? null : value;
  }
  return JSON.parse(JSON.stringify(body)) as Record<string, unknown>;
}

const dayFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});

/**
 * One value as the console shows it (the attributes tab and the report): a select's values by the names the schema
 * gives them, dates as days, checkboxes as Yes/No, a complex list's items field by field.
 */
export function displayValue(
  definition: Pick<AttributeDefinition | ChildAttribute, 'type' | 'options'> & {
    children?: ChildAttribute[] | undefined;
  },
  value: unknown,
  empty = 'none',
): string {
  if (isEmpty(value)) return empty;
  const label = (item: unknown) => definition.options.find((option) => option.value === item)?.label ?? String(item);
  const date = (item: unknown) => {
    const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(item));
    return day ? dayFormat.format(Date.UTC(Number(day[1]), Number(day[2]) - 1, Number(day[3]))) : String(item);
  };
  const list = (item: unknown) => (Array.isArray(item) ? item : [item]);
  switch (definition.type) {
    case 'CHECKBOX':
      return value === true ? 'Yes' : value === false ? 'No' : String(value);
    case 'SELECT':
      return label(value);
    case 'SELECT_LIST':
      return list(value).map(label).join(', ');
    case 'DATE':
      return date(value);
    case 'DATE_LIST':
      return list(value).map(date).join(', ');
    case 'COMPLEX_LIST':
      return list(value)
        .map((item) => {
          const record = (typeof item === 'object' && item !== null ? item : {}) as Record<string, unknown>;
          const children = definition.children ?? [];
          const known = children.map((child) => displayValue(child, record[child.name], ''));
          const extra = Object.keys(record)
            .filter((key) => !children.some((child) => child.name === key))
            .map((key) => displayValue({ type: 'STRING', options: [] }, record[key], ''));
          return [...known, ...extra].filter(Boolean).join(', ');
        })
        .join('; ');
    default:
      if (Array.isArray(value))
        return value.map((item) => (typeof item === 'object' ? JSON.stringify(item) : String(item))).join(', ');
      return typeof value === 'object' ? JSON.stringify(value) : String(value);
  }
}
