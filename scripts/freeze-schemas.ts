/**
 * `npm run freeze:schemas`: after adding a migration (to the sandbox or the cache), freezes the schema it builds as
 * tests/fixtures/schemas/<database>-<version>.sql. Frozen versions are never rewritten: a shipped migration stays.
 */
import { freezeNewSchemas } from '../tests/fixtures/schemas/frozen-schemas';

const written = freezeNewSchemas();
console.log(written.length === 0 ? 'every schema version is frozen already' : `froze ${written.join(', ')}`);
