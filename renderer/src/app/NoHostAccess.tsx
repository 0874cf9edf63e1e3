import { Box, Typography } from '@mui/material';

/**
 * A browser tab that has no token for the web host: a link opened where no Deskside tab is open to hand it over,
 * or an old bookmark. Says what to do instead of showing a console that cannot load anything.
 */
export function NoHostAccess() {
  return (
    <Box component="main" sx={{ maxWidth: 560, mx: 'auto', mt: 12, px: 3, fontFamily: 'system-ui, sans-serif' }}>
      <Typography variant="h5" component="h1" gutterBottom>
        Open this link from Deskside
      </Typography>
      <Typography sx={{ mb: 2 }}>
        This tab has no access to the Deskside web host. Links to accounts work in a new tab while a Deskside tab is
        open in this browser; otherwise open Deskside with the address <code>npm run web</code> printed (it ends in{' '}
        <code>#token=…</code>), then open the link again.
      </Typography>
      <Typography color="text.secondary">
        The access token is never kept in a link or a cookie, so that no other page on this computer can use it.
      </Typography>
    </Box>
  );
}
