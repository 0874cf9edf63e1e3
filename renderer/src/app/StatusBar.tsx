import { useEffect, useState } from 'react';
import { Box, Button, Chip, Tooltip, Typography } from '@mui/material';
import { events } from '@shared/contracts';
import { deskside } from '../bridge';
import { useAboutStore } from '../features/about/about-store';
import { useConnectionStore } from '../features/connections/connection-store';
import { ago } from '../lib/format';

type CacheStatus = Awaited<ReturnType<typeof deskside.cache.status>>;

/** The strip at the bottom: where the console runs, whether the platform answers, and the cache. */
export function StatusBar() {
  const info = useAboutStore((state) => state.info);
  const connectivity = useConnectionStore((state) => state.status?.connectivity);
  const [cache, setCache] = useState<CacheStatus | null>(null);
  useEffect(() => {
    const load = () => void deskside.cache.status().then(setCache, () => undefined);
    load();
    // Searches and account views fill the cache all the time; the count follows without an event per write.
    const timer = setInterval(load, 30_000);
    const unsubscribe = deskside.on(events.cacheChanged, setCache);
    return () => {
      clearInterval(timer);
      unsubscribe();
    };
  }, []);
  const stateColor =
    connectivity?.state === 'online' ? 'success' : connectivity?.state === 'offline' ? 'warning' : 'default';
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
      {connectivity && <Chip size="small" color={stateColor} label={connectivity.state} data-testid="connectivity" />}
      {cache && (
        <Tooltip
          title={`Cached personal data is encrypted on disk and kept ${cache.retentionDays} days.${cache.oldestFetchedAt ? ` Oldest: ${ago(cache.oldestFetchedAt)}.` : ''}`}
        >
          <Typography variant="caption" color="text.secondary">
            Cache: {cache.accounts.toLocaleString()} account{cache.accounts === 1 ? '' : 's'}
          </Typography>
        </Tooltip>
      )}
      {cache && (
        <Button size="small" onClick={() => void deskside.cache.clear().then(setCache)}>
          Clear cache
        </Button>
      )}
      {cache?.recoveredFrom && (
        <Tooltip
          title={`The cache file could not be read and was moved to ${cache.recoveredFrom}; a new one was started. Nothing else was affected.`}
        >
          <Chip size="small" color="warning" label="Cache was reset" />
        </Tooltip>
      )}
      {cache?.keyWarning && (
        <Tooltip title={`${cache.keyWarning} Anyone who can read your user files can decrypt the cache.`}>
          <Chip size="small" color="warning" label="Cache key in a file" data-testid="cache-key-warning" />
        </Tooltip>
      )}
      {info && !info.secretsEncrypted && (
        <Tooltip title="This system has no keychain that Deskside can use: saved API secrets are only obfuscated on disk.">
          <Chip size="small" color="warning" label="Secrets not encrypted" />
        </Tooltip>
      )}
    </Box>
  );
}
