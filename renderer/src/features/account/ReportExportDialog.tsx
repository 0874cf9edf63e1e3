import { useEffect, useState } from 'react';
import {
  Alert,
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormControlLabel,
  Radio,
  RadioGroup,
  Stack,
  TextField,
} from '@mui/material';
import { deskside } from '../../bridge';
import { messageOf } from '../../lib/errors';
import { useSettingsStore } from '../settings/settings-store';
import { useAccountViewStore } from './account-view-store';

type Format = 'html' | 'json' | 'pdf';
const formatLabels: Record<Format, string> = {
  html: 'HTML page (readable, printable)',
  pdf: 'PDF',
  json: 'JSON (for other tools; schema version 1)',
};

/**
 * "Export account report": the format, an optional ticket or case reference, the author's name as the report
 * gives it, and whether the customer's name may appear in the file name. Where there is no PDF printer (the web
 * host), the browser's own print dialog prints the same page or saves it as PDF. Mounted while open, so each
 * opening starts fresh.
 */
export function ReportExportDialog({ onClose }: { onClose(): void }) {
  const target = useAccountViewStore((state) => state.target)!;
  const settings = useSettingsStore((state) => state.settings);
  const updateSettings = useSettingsStore((state) => state.update);
  const [formats, setFormats] = useState<Format[]>(['html', 'json']);
  const [format, setFormat] = useState<Format>('html');
  const [caseReference, setCaseReference] = useState('');
  const [author, setAuthor] = useState(settings?.agentName ?? '');
  const [includeName, setIncludeName] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    void deskside.profiles.reportFormats().then(setFormats, () => undefined);
  }, []);

  const remember = async () => {
    if ((settings?.agentName ?? '') !== author.trim()) await updateSettings({ agentName: author.trim() });
  };
  const reference = caseReference.trim() ? { caseReference: caseReference.trim() } : {};

  const exportReport = async () => {
    setBusy(true);
    setError(null);
    try {
      await remember();
      const saved = await deskside.profiles.exportReport({ ...target, format, includeName, ...reference });
      useAccountViewStore.setState({
        notice: saved.path
          ? { severity: 'success', text: `Saved ${saved.path}` }
          : { severity: 'success', text: 'Nothing saved: the save was cancelled.' },
      });
      onClose();
    } catch (caught) {
      setError(messageOf(caught));
    } finally {
      setBusy(false);
    }
  };

  const print = async () => {
    setBusy(true);
    setError(null);
    try {
      await remember();
      const html = await deskside.profiles.reportHtml({ ...target, ...reference });
      // The report in a tab of its own (its CSP allows no script), then the browser's print dialog.
      const url = URL.createObjectURL(new Blob([html], { type: 'text/html' }));
      const tab = window.open(url, '_blank');
      if (!tab) throw new Error('The browser blocked the new tab: allow pop-ups for Deskside and try again.');
      tab.addEventListener('load', () => {
        tab.print();
        URL.revokeObjectURL(url);
      });
      onClose();
    } catch (caught) {
      setError(messageOf(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog open onClose={onClose} maxWidth="xs" fullWidth aria-labelledby="report-title">
      <DialogTitle id="report-title">Export account report</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ mt: 1 }}>
          <RadioGroup aria-label="Format" value={format} onChange={(event) => setFormat(event.target.value as Format)}>
            {formats.map((value) => (
              <FormControlLabel key={value} value={value} control={<Radio />} label={formatLabels[value]} />
            ))}
          </RadioGroup>
          <TextField
            label="Ticket or case reference (optional)"
            value={caseReference}
            onChange={(event) => setCaseReference(event.target.value)}
            slotProps={{ htmlInput: { maxLength: 120 } }}
          />
          <TextField
            label="Your name, as the report's author"
            value={author}
            onChange={(event) => setAuthor(event.target.value)}
            helperText="Empty: your computer's user name. Remembered for the next report."
            slotProps={{ htmlInput: { maxLength: 80 } }}
          />
          <FormControlLabel
            control={<Checkbox checked={includeName} onChange={(event) => setIncludeName(event.target.checked)} />}
            label="Include the customer's name in the file name"
          />
          <Alert severity="info">
            The report holds the customer's personal data. By default its file name carries only the account id and the
            date.
          </Alert>
          {error && <Alert severity="error">{error}</Alert>}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Cancel</Button>
        {!formats.includes('pdf') && (
          <Button disabled={busy} onClick={() => void print()}>
            Print / save as PDF
          </Button>
        )}
        <Button variant="contained" disabled={busy} onClick={() => void exportReport()}>
          Export
        </Button>
      </DialogActions>
    </Dialog>
  );
}
