import { writeFileSync } from 'node:fs';
import { buildAdminApiArtifacts, OPENAPI_PATH, TYPES_PATH } from './admin-api-artifacts';

const { openapi, types } = await buildAdminApiArtifacts();
writeFileSync(OPENAPI_PATH, openapi);
writeFileSync(TYPES_PATH, types);
console.log(`wrote ${OPENAPI_PATH} and ${TYPES_PATH}`);
