/** The main side's log. Handlers log what failed, never payloads: those carry personal data and secrets. */
export interface Logger {
  info(message: string, ...details: unknown[]): void;
  warn(message: string, ...details: unknown[]): void;
  error(message: string, ...details: unknown[]): void;
}

export const consoleLogger: Logger = {
  info: (message, ...details) => console.log(`[deskside] ${message}`, ...details),
  warn: (message, ...details) => console.warn(`[deskside] ${message}`, ...details),
  error: (message, ...details) => console.error(`[deskside] ${message}`, ...details),
};

export const silentLogger: Logger = { info: () => {}, warn: () => {}, error: () => {} };
