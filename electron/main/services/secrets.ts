/**
 * Secrets (API client secrets, tokens) stay on the main side. Implementations: safeStorage in the desktop
 * app; the interface keeps services free of 'electron'.
 */
export interface SecretStore {
  get(key: string): string | undefined;
  set(key: string, value: string): void;
  delete(key: string): void;
  /** False when the OS keeps secrets only obfuscated (Linux without a keyring); the UI warns then. */
  readonly encrypted: boolean;
}

/** Keeps secrets in memory only: for tests, and for hosts that must not write them to disk. */
export class MemorySecretStore implements SecretStore {
  private readonly values = new Map<string, string>();
  readonly encrypted = true;

  get(key: string): string | undefined {
    return this.values.get(key);
  }

  set(key: string, value: string): void {
    this.values.set(key, value);
  }

  delete(key: string): void {
    this.values.delete(key);
  }
}
