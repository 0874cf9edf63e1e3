import { z } from 'zod';

export const WindowState = z.object({
  x: z.number().int().optional(),
  y: z.number().int().optional(),
  width: z.number().int().min(400),
  height: z.number().int().min(300),
  maximized: z.boolean().default(false),
});
export type WindowState = z.infer<typeof WindowState>;

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const defaultWindowState: WindowState = { width: 1360, height: 860, maximized: false };

/**
 * The bounds to open the window with: the saved ones when they still overlap a connected display
 * (a monitor may have been unplugged since), otherwise the default size, centred by the OS.
 */
export function restoreWindowState(saved: unknown, displays: readonly Rect[]): WindowState {
  const parsed = WindowState.safeParse(saved);
  if (!parsed.success) return defaultWindowState;
  const state = parsed.data;
  if (state.x === undefined || state.y === undefined) return state;
  const visible = displays.some((display) => overlapArea(display, state as Rect) >= 100 * 100);
  return visible ? state : { width: state.width, height: state.height, maximized: state.maximized };
}

function overlapArea(a: Rect, b: Rect): number {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return width > 0 && height > 0 ? width * height : 0;
}
