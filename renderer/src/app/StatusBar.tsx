import { Box, Chip, Tooltip, Typography } from '@mui/material';
import { useAboutStore } from '../features/about/about-store';

/** The strip at the bottom: where the console runs and anything the agent should know about it. */
export function StatusBar() {
  const info = useAboutStore((state) => state.info);
  return (
    <Box
      component="footer"
      role="status"
      sx={{
        display: 'flex',
        alignItems: 'center',
        gap: 1.5,
        px: 1.5,
        py: 0.25,
        borderTop: 1,
        borderColor: 'divider',
        bgcolor: 'background.paper',
        minHeight: 28,
      }}
    >
      <Typography variant="caption" color="text.secondary" data-testid="status-host">
        {info ? `${info.host === 'electron' ? 'Desktop app' : 'Web host'} · Deskside ${info.version}` : 'Starting…'}
      </Typography>
      {info && !info.secretsEncrypted && (
        <Tooltip title="This system has no keychain that Deskside can use: saved API secrets are only obfuscated on disk.">
          <Chip size="small" color="warning" label="Secrets not encrypted" />
        </Tooltip>
      )}
    </Box>
  );
}
