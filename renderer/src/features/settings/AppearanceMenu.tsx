import { useState } from 'react';
import { IconButton, ListSubheader, Menu, MenuItem, Tooltip } from '@mui/material';
import CheckIcon from '@mui/icons-material/Check';
import PaletteOutlinedIcon from '@mui/icons-material/PaletteOutlined';
import type { Density, ThemePreference } from '@shared/domain/settings';
import { useSettingsStore } from './settings-store';

const themes: Array<[ThemePreference, string]> = [
  ['system', 'Follow the system'],
  ['light', 'Light'],
  ['dark', 'Dark'],
];
const densities: Array<[Density, string]> = [
  ['comfortable', 'Comfortable'],
  ['compact', 'Compact'],
];

/** Theme and density, saved through settings:set so they persist across restarts. */
export function AppearanceMenu() {
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const settings = useSettingsStore((state) => state.settings);
  const update = useSettingsStore((state) => state.update);
  const choose = (patch: Parameters<typeof update>[0]) => {
    setAnchor(null);
    void update(patch);
  };
  return (
    <>
      <Tooltip title="Appearance">
        <IconButton color="inherit" aria-label="Appearance" onClick={(event) => setAnchor(event.currentTarget)}>
          <PaletteOutlinedIcon />
        </IconButton>
      </Tooltip>
      <Menu anchorEl={anchor} open={anchor !== null} onClose={() => setAnchor(null)}>
        <ListSubheader>Theme</ListSubheader>
        {themes.map(([value, label]) => (
          <MenuItem
            key={value}
            selected={settings?.theme === value}
            onClick={() => choose({ theme: value })}
            aria-label={`Theme: ${label}`}
          >
            {label}
            {settings?.theme === value && <CheckIcon fontSize="small" sx={{ ml: 'auto', pl: 1 }} />}
          </MenuItem>
        ))}
        <ListSubheader>Density</ListSubheader>
        {densities.map(([value, label]) => (
          <MenuItem
            key={value}
            selected={settings?.density === value}
            onClick={() => choose({ density: value })}
            aria-label={`Density: ${label}`}
          >
            {label}
            {settings?.density === value && <CheckIcon fontSize="small" sx={{ ml: 'auto', pl: 1 }} />}
          </MenuItem>
        ))}
      </Menu>
    </>
  );
}
