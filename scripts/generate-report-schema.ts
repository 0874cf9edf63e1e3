// `npm run generate:report-schema`: writes the account report's JSON Schema (shared/domain/account-report.schema.json)
// from its zod definition, so the documented shape and the code cannot drift (a test fails when the file is stale).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { reportJsonSchema } from '../shared/domain/account-report-schema';

const file = join(import.meta.dirname, '../shared/domain/account-report.schema.json');
writeFileSync(file, `${JSON.stringify(reportJsonSchema(), null, 2)}\n`);
console.log(`wrote ${file}`);
