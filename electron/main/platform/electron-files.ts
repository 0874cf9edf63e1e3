import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BrowserWindow, dialog } from 'electron';
import { safeFileName, type FileSaver, type PdfPrinter } from '../services/files/file-saver';

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

/**
 * Print to PDF in a hidden window that runs no script and reaches nothing but the report. The report is written
 * to a private temporary file (a folder only this user can open), not a data: URL, which Chromium refuses past
 * 2 MiB (a report of 3,000 events is about 1.4 M characters); every other request is refused, and the file is
 * removed afterwards.
 */
export function windowPdfPrinter(tempDir: string): PdfPrinter {
  return {
    async print(html) {
      const folder = await mkdtemp(join(tempDir, 'deskside-report-'));
      const file = join(folder, 'report.html');
      const window = new BrowserWindow({
        show: false,
        webPreferences: {
          javascript: false,
          sandbox: true,
          contextIsolation: true,
          nodeIntegration: false,
          // Its own in-memory session, so the request filter below touches nothing else.
          partition: 'deskside-report-pdf',
          disableBlinkFeatures: 'Auxclick',
        },
      });
      try {
        await writeFile(file, html, { mode: 0o600 });
        const url = pathToFileURL(file).href;
        window.webContents.session.webRequest.onBeforeRequest((details, callback) =>
          callback({ cancel: details.url !== url }),
        );
        window.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
        await window.loadURL(url);
        const pdf = await window.webContents.printToPDF({ printBackground: true, pageSize: 'A4' });
        return new Uint8Array(pdf);
      } finally {
        window.destroy();
        await rm(folder, { recursive: true, force: true });
      }
    },
  };
}
