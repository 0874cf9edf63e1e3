import { DesksideError } from '@shared/contracts';
import { accountsToCsv } from '@shared/domain/accounts-csv';
import type { SearchRequest } from '@shared/domain/search';
import type { AccountService } from '../accounts/account-service';
import type { AccountEvent } from '@shared/domain/profile';
import type { ProfileCache } from '../cache/profile-cache';
import type { ConnectionView } from '@shared/domain/connection';
import type { FileSaver, PdfPrinter } from '../files/file-saver';
import type { ProfileService } from '../profiles/profile-service';
import { buildReportHtml, renderReportHtml, reportJson } from './report-html';
import { buildReportDocument, type AccountReport, type ReportClock } from './report-model';

export type ReportFormat = 'html' | 'json' | 'pdf';

export interface ReportServiceOptions {
  /** The connection the reports are of (named in each report's header). */
  connection: ConnectionView;
  profiles: ProfileService;
  accounts: AccountService;
  cache: ProfileCache;
  files: FileSaver;
  pdf: PdfPrinter | null;
  /** Who is exporting: the agent's display name from settings when set, else the operating system's user. */
  agent: string | (() => string);
  now?: () => number;
  /** The agent's time zone (this machine's by default). */
  timeZone?: string;
}

export interface ReportExportOptions {
  /** A ticket or case reference the agent typed, shown in the report's header. */
  caseReference?: string | undefined;
  /** The customer's name in the file name, only when the agent asks for it. */
  includeName?: boolean | undefined;
}

/** At most this many accounts go into one CSV export of search results. */
export const CSV_EXPORT_LIMIT = 10_000;

/**
 * "Export account report": refreshes the profile and every event into the cache when the platform answers,
 * then builds the report from the cache alone, so it works offline on what was cached.
 */
export class ReportService {
  constructor(private readonly options: ReportServiceOptions) {}

  /** PDF only where a browser engine can print. */
  formats(): ReportFormat[] {
    return this.options.pdf ? ['html', 'json', 'pdf'] : ['html', 'json'];
  }

  private clock(): ReportClock {
    return {
      timeZone: this.options.timeZone ?? (Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC'),
      now: (this.options.now ?? Date.now)(),
    };
  }

  async build(store: string, accountId: string, caseReference?: string): Promise<AccountReport> {
    const { connection, profiles, cache } = this.options;
    const view = await profiles.load(store, accountId);
    if (view.source === 'live') await profiles.fetchAllEvents(store, accountId);
    const events: AccountEvent[] = cache.allEvents(store, accountId);
    return {
      generatedAt: new Date((this.options.now ?? Date.now)()).toISOString(),
      connection: {
        name: connection.name,
        baseUrl: connection.baseUrl,
        environment: connection.environment,
        clientId: connection.clientId,
      },
      agent: typeof this.options.agent === 'function' ? this.options.agent() : this.options.agent,
      caseReference: caseReference ?? null,
      source: view.source,
      fetchedAt: view.fetchedAt,
      profile: view.profile,
      catalog: view.catalog,
      events: events.length > 0 ? events : view.profile.events,
      lastFailureReason: view.lastFailureReason,
    };
  }

  /** Every result of a search (not only the page shown) as CSV, up to CSV_EXPORT_LIMIT accounts. */
  async searchResultsCsv(request: Omit<SearchRequest, 'page' | 'size'>) {
    const { items, truncated, source } = await this.options.accounts.allResults(request, CSV_EXPORT_LIMIT);
    const path = await this.options.files.save({
      suggestedName: `deskside-${request.store}-accounts.csv`,
      content: accountsToCsv(items),
      filter: { name: 'CSV', extensions: ['csv'] },
    });
    return { path, rows: items.length, truncated, source };
  }

  /** Saves a file the platform produced (its own account download). */
  save(suggestedName: string, content: string, extension: string): Promise<string | null> {
    return this.options.files.save({
      suggestedName,
      content,
      filter: { name: extension.toUpperCase(), extensions: [extension] },
    });
  }

  /** The report's HTML alone, for the browser's own print dialog (the web host's "Print / save as PDF"). */
  async html(store: string, accountId: string, options: ReportExportOptions = {}): Promise<string> {
    return buildReportHtml(await this.build(store, accountId, options.caseReference), this.clock());
  }

  async export(
    store: string,
    accountId: string,
    format: ReportFormat,
    options: ReportExportOptions = {},
  ): Promise<{ path: string | null; events: number }> {
    const report = await this.build(store, accountId, options.caseReference);
    const clock = this.clock();
    // The file name carries the account id and the date, not the customer's name unless the agent asks for it;
    // the savers make any name safe (folders, markup, length), keeping its extension.
    const day = new Date(clock.now).toISOString().slice(0, 10);
    const base = options.includeName
      ? `account-report-${accountId}-${day}-${report.profile.summary.displayName}`
      : `account-report-${accountId}-${day}`;
    if (format === 'pdf' && !this.options.pdf)
      throw new DesksideError({ code: 'VALIDATION', message: 'PDF export needs the desktop app.' });
    // One document, rendered in the format asked for.
    const document = buildReportDocument(report, clock);
    let content: string | Uint8Array;
    if (format === 'json') content = reportJson(document);
    else if (format === 'html') content = renderReportHtml(document);
    else content = await this.options.pdf!.print(renderReportHtml(document));
    const path = await this.options.files.save({
      suggestedName: `${base}.${format}`,
      content,
      filter: { name: format.toUpperCase(), extensions: [format] },
    });
    return { path, events: report.events.length };
  }
}
