import { z } from 'zod';

export const ThemePreference = z.enum(['system', 'light', 'dark']);
export type ThemePreference = z.infer<typeof ThemePreference>;

export const Density = z.enum(['comfortable', 'compact']);
export type Density = z.infer<typeof Density>;

/** Search fields pinned to the top of the search panel, per connection and store ("connectionId/store"). */
export const PinnedFields = z.record(z.string().max(200), z.array(z.string().max(200)).max(50));

export const Settings = z.object({
  theme: ThemePreference,
  density: Density,
  /** How long cached personal data is kept. */
  cacheRetentionDays: z.number().int().min(1).max(365),
  pinnedSearchFields: PinnedFields,
  /** The agent's name as reports give their author; empty: the operating system's user. */
  agentName: z.string().trim().max(80),
});
export type Settings = z.infer<typeof Settings>;

export const defaultSettings: Settings = {
  theme: 'system',
  density: 'comfortable',
  cacheRetentionDays: 30,
  pinnedSearchFields: {},
  agentName: '',
};

/** A partial update: only the named settings change. */
export const SettingsPatch = z.strictObject({
  theme: ThemePreference.optional(),
  density: Density.optional(),
  cacheRetentionDays: z.number().int().min(1).max(365).optional(),
  pinnedSearchFields: PinnedFields.optional(),
  agentName: z.string().trim().max(80).optional(),
});
export type SettingsPatch = z.infer<typeof SettingsPatch>;

/** Reads whatever a settings file holds, keeping the valid values and defaulting the rest. */
export function settingsFromUnknown(raw: unknown): Settings {
  const source = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const pick = <T>(schema: z.ZodType<T>, value: unknown, fallback: T): T => {
    const parsed = schema.safeParse(value);
    return parsed.success ? parsed.data : fallback;
  };
  return {
    theme: pick(ThemePreference, source.theme, defaultSettings.theme),
    density: pick(Density, source.density, defaultSettings.density),
    cacheRetentionDays: pick(
      Settings.shape.cacheRetentionDays,
      source.cacheRetentionDays,
      defaultSettings.cacheRetentionDays,
    ),
    pinnedSearchFields: pick(PinnedFields, source.pinnedSearchFields, defaultSettings.pinnedSearchFields),
    agentName: pick(Settings.shape.agentName, source.agentName, defaultSettings.agentName),
  };
}
