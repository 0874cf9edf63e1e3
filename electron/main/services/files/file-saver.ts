import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface SaveRequest {
  /** A file name without folders, e.g. account-123.html. */
  suggestedName: string;
  content: string | Uint8Array;
  /** For the save dialog's type filter, e.g. { name: 'HTML', extensions: ['html'] }. */
  filter: { name: string; extensions: string[] };
}

/**
 * Where exported files go. The desktop app asks the agent (a save dialog); the web host writes into the
 * exports folder of its data folder. Answers the path written, or null when the agent cancelled.
 */
export interface FileSaver {
  save(request: SaveRequest): Promise<string | null>;
}

/**
 * A name that cannot leave the folder it is written to, whatever the account data put in it, and that keeps its
 * extension however long the rest was (a report named after a long display name must still open as HTML).
 */
export function safeFileName(name: string): string {
  const clean = (text: string) =>
    text
      .normalize('NFKC')
      .replace(/[^\p{L}\p{N}._-]+/gu, '-')
      .replace(/^[.-]+/, '');
  const extension = /\.([A-Za-z0-9]{1,8})$/.exec(name)?.[1];
  const stem = clean(extension ? name.slice(0, -(extension.length + 1)) : name)
    .replace(/[.-]+$/, '')
    .slice(0, 100);
  return `${stem || 'export'}${extension ? `.${extension.toLowerCase()}` : ''}`;
}

/** Writes exports into one folder, never overwriting an earlier file. */
export class FolderFileSaver implements FileSaver {
  constructor(
    private readonly folder: string,
    private readonly now: () => number = Date.now,
  ) {}

  async save(request: SaveRequest): Promise<string> {
    mkdirSync(this.folder, { recursive: true });
    const name = safeFileName(request.suggestedName);
    const dot = name.lastIndexOf('.');
    const stamp = new Date(this.now()).toISOString().replace(/[:.]/g, '-');
    const unique = dot > 0 ? `${name.slice(0, dot)}-${stamp}${name.slice(dot)}` : `${name}-${stamp}`;
    const path = join(this.folder, unique);
    writeFileSync(path, request.content, { flag: 'wx', mode: 0o600 });
    return path;
  }
}

/** Turns an HTML document into a PDF (Electron's print to PDF); absent where there is no browser engine. */
export interface PdfPrinter {
  print(html: string): Promise<Uint8Array>;
}
