import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FolderFileSaver, safeFileName } from './file-saver';

describe('export file names', () => {
  it('cannot leave the folder and keep their extension however long the name', () => {
    expect(safeFileName('../../etc/passwd')).toBe('etc-passwd');
    expect(safeFileName('report <script>alert(1)</script>.html')).toBe('report-script-alert-1-script.html');
    const long = safeFileName(`account-report-${'<script>window.__x=true</script>'.repeat(10)}-id.HTML`);
    expect(long.endsWith('.html')).toBe(true);
    expect(long.length).toBeLessThanOrEqual(105);
    expect(safeFileName('...')).toBe('export');
    expect(safeFileName('Zsófia Nagy.csv')).toBe('Zsófia-Nagy.csv');
  });

  it('writes into its folder without overwriting an earlier file', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'deskside-exports-'));
    let now = 0;
    const saver = new FolderFileSaver(folder, () => (now += 1000));
    const request = { suggestedName: '../a.csv', content: 'x', filter: { name: 'CSV', extensions: ['csv'] } };
    const first = await saver.save(request);
    const second = await saver.save({ ...request, content: 'y' });
    expect(dirname(first)).toBe(folder);
    expect(first).not.toBe(second);
    expect(first.endsWith('.csv')).toBe(true);
    expect(readFileSync(first, 'utf8')).toBe('x');
    expect(readFileSync(second, 'utf8')).toBe('y');
  });
});
