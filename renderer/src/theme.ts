import { createTheme, type Theme } from '@mui/material/styles';
import type { Density } from '@shared/domain/settings';

/** The one place colours, type and spacing are decided. */
export function buildTheme(mode: 'light' | 'dark', density: Density): Theme {
  const compact = density === 'compact';
  return createTheme({
    palette: {
      mode,
      primary: { main: mode === 'dark' ? '#7aa7ff' : '#2455c3' },
      secondary: { main: mode === 'dark' ? '#6fd3c1' : '#0f7d6b' },
      background: mode === 'dark' ? { default: '#121418', paper: '#1a1d23' } : { default: '#f4f6f9', paper: '#ffffff' },
    },
    shape: { borderRadius: 6 },
    spacing: compact ? 6 : 8,
    typography: { fontSize: compact ? 13 : 14, fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif' },
    components: {
      MuiButton: { defaultProps: { size: compact ? 'small' : 'medium', disableElevation: true } },
      MuiTextField: { defaultProps: { size: compact ? 'small' : 'medium' } },
      MuiIconButton: { defaultProps: { size: compact ? 'small' : 'medium' } },
      MuiListItemButton: { defaultProps: { dense: compact } },
      MuiTooltip: { defaultProps: { arrow: true } },
    },
  });
}
