/**
 * A stand-in for electron-store (whose real module needs Electron's app paths), keeping values in memory.
 * Tests preset `initialData` and read the constructor options each store was made with.
 */
export default class FakeElectronStore {
  static initialData: Record<string, unknown> = {};
  static created: unknown[] = [];
  private data: Record<string, unknown>;

  constructor(options?: unknown) {
    FakeElectronStore.created.push(options);
    this.data = { ...FakeElectronStore.initialData };
  }

  get store() {
    return this.data;
  }

  get(key: string) {
    return this.data[key];
  }

  set(key: string | Record<string, unknown>, value?: unknown) {
    if (typeof key === 'string') this.data[key] = value;
    else this.data = { ...this.data, ...key };
  }
}
