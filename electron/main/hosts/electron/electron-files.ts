import { randomUUID } from 'node:crypto';
import { chmod, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { BrowserWindow, dialog } from 'electron';
import { APP_SCHEME } from './policy';
import { safeFileName, type FileSaver, type PdfPrinter } from '../../services/files/file-saver';

/** Exports go where the agent chooses, through the system's save dialog. */
export function dialogFileSaver(defaultFolder: () => string, mainWindow: () => BrowserWindow | null): FileSaver {
  return {
    async save(request) {
      // Parented to Deskside's window even when another app has the focus, so it never floats alone.
      const owner = BrowserWindow.getFocusedWindow() ?? mainWindow();
      const options = {
        title: 'Save export',
        defaultPath: join(defaultFolder(), safeFileName(request.suggestedName)),
        filters: [request.filter],
        properties: ['createDirectory', 'showOverwriteConfirmation'] as Array<
          'createDirectory' | 'showOverwriteConfirmation'
        >,
      };
      const result = owner ? await dialog.showSaveDialog(owner, options) : await dialog.showSaveDialog(options);
      if (result.canceled || !result.filePath) return null;
      await writeFile(result.filePath, request.content, { mode: 0o600 });
      // `mode` only applies when the file is created: an overwritten file keeps its old mode unless told.
      await chmod(result.filePath, 0o600).catch(() => undefined);
      return result.filePath;
    },
  };
}

/** The report window's own in-memory session: its request filter and handler touch nothing else. */
const REPORT_PARTITION = 'deskside-report-pdf';

/**
 * Print to PDF in a hidden window that runs no script and reaches nothing but the report. The report is served from
 * memory by its session's own app:// handler (a privileged scheme, so a standard, secure page), never written to a
 * file: an export in progress leaves no plain copy of customer data on disk, and no data: URL, which Chromium
 * refuses past 2 MiB (a report of 3,000 events is about 1.4 M characters). Prints run one at a time, as the
 * session's handler serves one report.
 */
export function windowPdfPrinter(): PdfPrinter {
  let queue: Promise<unknown> = Promise.resolve();
  const printOne = async (html: string): Promise<Uint8Array> => {
    const url = `${APP_SCHEME}://report/${randomUUID()}.html`;
    const window = new BrowserWindow({
      show: false,
      webPreferences: {
        javascript: false,
        sandbox: true,
        contextIsolation: true,
        nodeIntegration: false,
        partition: REPORT_PARTITION,
        disableBlinkFeatures: 'Auxclick',
      },
    });
    const reportSession = window.webContents.session;
    try {
      reportSession.protocol.handle(APP_SCHEME, (request) =>
        request.url === url
          ? new Response(html, { headers: { 'Content-Type': 'text/html; charset=utf-8' } })
          : new Response('Not found', { status: 404 }),
      );
      reportSession.webRequest.onBeforeRequest((details, callback) => callback({ cancel: details.url !== url }));
      window.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
      await window.loadURL(url);
      const pdf = await window.webContents.printToPDF({ printBackground: true, pageSize: 'A4' });
      return new Uint8Array(pdf);
    } finally {
      reportSession.protocol.unhandle(APP_SCHEME);
      window.destroy();
    }
  };
  return {
    print(html) {
      const printed = queue.then(() => printOne(html));
      queue = printed.catch(() => undefined);
      return printed;
    },
  };
}
