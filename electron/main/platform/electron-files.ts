import { writeFile } from 'node:fs/promises';
import { BrowserWindow, dialog } from 'electron';
import { safeFileName, type FileSaver, type PdfPrinter } from '../services/files/file-saver';

/** Exports go where the agent chooses, through the system's save dialog. */
export function dialogFileSaver(defaultFolder: () => string): FileSaver {
  return {
    async save(request) {
      const owner = BrowserWindow.getFocusedWindow();
      const options = {
        title: 'Save export',
        defaultPath: `${defaultFolder()}/${safeFileName(request.suggestedName)}`,
        filters: [request.filter],
        properties: ['createDirectory', 'showOverwriteConfirmation'] as Array<
          'createDirectory' | 'showOverwriteConfirmation'
        >,
      };
      const result = owner ? await dialog.showSaveDialog(owner, options) : await dialog.showSaveDialog(options);
      if (result.canceled || !result.filePath) return null;
      await writeFile(result.filePath, request.content, { mode: 0o600 });
      return result.filePath;
    },
  };
}

/**
 * Print to PDF in a hidden window that runs no script and reaches nothing: the report is self-contained, so
 * it is loaded from a data: URL with JavaScript off and every request but that one refused.
 */
export function windowPdfPrinter(): PdfPrinter {
  return {
    async print(html) {
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
        const url = `data:text/html;charset=utf-8,${encodeURIComponent(html)}`;
        window.webContents.session.webRequest.onBeforeRequest((details, callback) =>
          callback({ cancel: details.url !== url }),
        );
        window.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
        await window.loadURL(url);
        const pdf = await window.webContents.printToPDF({ printBackground: true, pageSize: 'A4' });
        return new Uint8Array(pdf);
      } finally {
        window.destroy();
      }
    },
  };
}
