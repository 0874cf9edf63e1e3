/**
 * Secrets (API client secrets) stay on the main side. Implementations: safeStorage in the desktop app, memory in
 * the web host; the interface keeps services free of 'electron'.
 */

/**
 * Where a secret may be kept when the OS has no keychain for it (Linux without a keyring): only for this
 * session (memory), or with the OS's plain-text backend, which the agent chose after a warning.
 */
export type SecretFallback = 'session' | 'plainText';

export interface SecretStore {
  get(key: string): Promise<string | undefined>;
  /** Whether a secret is kept under the key, without reading it. */
  has(key: string): boolean;
  /**
   * Keeps a secret. Where the OS cannot encrypt it and no fallback is given, fails with a VALIDATION error whose
   * `secretStorage` field asks the agent to choose one.
   */
  set(key: string, value: string, fallback?: SecretFallback): Promise<void>;
  delete(key: string): void;
  /** False when the OS keeps secrets only obfuscated (Linux without a keyring); the UI warns then. */
  readonly encrypted: boolean;
}

/** Keeps secrets in memory only: for tests, and for hosts that must not write them to disk. */
export class MemorySecretStore implements SecretStore {
  private readonly values = new Map<string, string>();
  readonly encrypted = true;

  async get(key: string): Promise<string | undefined> {
    return this.values.get(key);
  }

  has(key: string): boolean {
    return this.values.has(key);
  }

  async set(key: string, value: string): Promise<void> {
    this.values.set(key, value);
  }

  delete(key: string): void {
    this.values.delete(key);
  }
}
