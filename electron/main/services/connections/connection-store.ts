import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { Environment } from '@shared/domain/connection';
import type { Logger } from '../logger';

export const StoredConnection = z.object({
  id: z.string(),
  name: z.string(),
  baseUrl: z.string(),
  clientId: z.string(),
  audience: z.string().optional(),
  environment: Environment,
  embedded: z.boolean().default(false),
});
export type StoredConnection = z.infer<typeof StoredConnection>;

const StoredFile = z.object({
  connections: z.array(StoredConnection).default([]),
  activeId: z.string().nullable().default(null),
});
type StoredFile = z.infer<typeof StoredFile>;

/** Connection profiles (no secrets) in connections.json of the data folder. */
export class ConnectionStore {
  private readonly file: string;

  constructor(
    dataDir: string,
    private readonly logger: Logger,
  ) {
    this.file = join(dataDir, 'connections.json');
  }

  read(): StoredFile {
    let text: string;
    try {
      text = readFileSync(this.file, 'utf8');
    } catch {
      return { connections: [], activeId: null };
    }
    const parsed = StoredFile.safeParse(safeJson(text));
    if (!parsed.success) {
      this.logger.warn('connections.json is unreadable; starting with no saved connections');
      return { connections: [], activeId: null };
    }
    return parsed.data;
  }

  write(data: StoredFile): void {
    mkdirSync(dirname(this.file), { recursive: true });
    const temporary = `${this.file}.tmp`;
    writeFileSync(temporary, JSON.stringify(data, null, 2), { mode: 0o600 });
    renameSync(temporary, this.file);
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
