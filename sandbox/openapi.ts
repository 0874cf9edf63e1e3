import { openDatabase } from './db/database';
import { buildServer } from './server';

/** The sandbox's OpenAPI 3.1 document, generated from its route schemas (no data needed). */
export async function generateOpenApiDocument(): Promise<Record<string, unknown>> {
  const db = openDatabase(':memory:');
  const { app } = await buildServer({ db, clients: [] });
  const document = app.swagger() as Record<string, unknown>;
  await app.close();
  db.close();
  return document;
}
