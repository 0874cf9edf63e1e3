import { z } from 'zod';

export const ThemePreference = z.enum(['system', 'light', 'dark']);
export type ThemePreference = z.infer<typeof ThemePreference>;

export const Density = z.enum(['comfortable', 'compact']);
export type Density = z.infer<typeof Density>;

export const Settings = z.object({
  theme: ThemePreference,
  density: Density,
});
export type Settings = z.infer<typeof Settings>;

export const defaultSettings: Settings = { theme: 'system', density: 'comfortable' };

/** A partial update: only the named settings change. */
export const SettingsPatch = z.strictObject({
  theme: ThemePreference.optional(),
  density: Density.optional(),
});
export type SettingsPatch = z.infer<typeof SettingsPatch>;

/** Reads whatever a settings file holds, keeping the valid values and defaulting the rest. */
export function settingsFromUnknown(raw: unknown): Settings {
  const source = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const theme = ThemePreference.safeParse(source.theme);
  const density = Density.safeParse(source.density);
  return {
    theme: theme.success ? theme.data : defaultSettings.theme,
    density: density.success ? density.data : defaultSettings.density,
  };
}
