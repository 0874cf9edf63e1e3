import { z } from 'zod';

export const AppInfo = z.object({
  name: z.string(),
  version: z.string(),
  /** Node's platform name of the machine the main side runs on (linux, darwin, win32). */
  platform: z.string(),
  /** How the console is hosted: the desktop app or the web host. */
  host: z.enum(['electron', 'web']),
  dataDir: z.string(),
  /** False when API secrets are kept without OS keychain protection; the status bar warns. */
  secretsEncrypted: z.boolean(),
  versions: z.object({ node: z.string(), electron: z.string().optional(), chrome: z.string().optional() }),
});
export type AppInfo = z.infer<typeof AppInfo>;
