import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { defaultSettings } from '@shared/domain/settings';
import { EventBus } from '../../ipc/event-bus';
import { silentLogger } from '../logger';
import { JsonFileSettingsStore, SETTINGS_FILE } from './json-file-settings-store';
import { SettingsService } from './settings-service';

const freshDir = () => mkdtempSync(join(tmpdir(), 'deskside-settings-'));

describe('SettingsService over a JSON file', () => {
  it('starts from the defaults, saves a change, and announces it', () => {
    const dir = freshDir();
    const bus = new EventBus();
    const heard: unknown[] = [];
    bus.subscribe((channel, payload) => heard.push([channel, payload]));
    const service = new SettingsService(new JsonFileSettingsStore(dir, silentLogger), bus);
    expect(service.get()).toEqual(defaultSettings);
    expect(service.set({ theme: 'dark' })).toEqual({ ...defaultSettings, theme: 'dark' });
    expect(JSON.parse(readFileSync(join(dir, SETTINGS_FILE), 'utf8'))).toEqual({ ...defaultSettings, theme: 'dark' });
    expect(heard).toEqual([['settings:changed', { ...defaultSettings, theme: 'dark' }]]);
    // A new process reads what the last one saved.
    expect(new SettingsService(new JsonFileSettingsStore(dir, silentLogger), new EventBus()).get().theme).toBe('dark');
  });

  it('reads a corrupt file as the defaults, warns, and recovers on the next save', () => {
    const dir = freshDir();
    writeFileSync(join(dir, SETTINGS_FILE), '{"theme": "dark",');
    const logger = { ...silentLogger, warn: vi.fn() };
    const store = new JsonFileSettingsStore(dir, logger);
    expect(store.read()).toEqual(defaultSettings);
    expect(logger.warn).toHaveBeenCalledWith(expect.stringContaining('not valid JSON'));
    new SettingsService(store, new EventBus()).set({ density: 'compact' });
    expect(store.read()).toEqual({ ...defaultSettings, density: 'compact' });
  });

  it('keeps valid values from a file with some invalid ones', () => {
    const dir = freshDir();
    writeFileSync(join(dir, SETTINGS_FILE), JSON.stringify({ theme: 'neon', density: 'compact', other: 1 }));
    expect(new JsonFileSettingsStore(dir, silentLogger).read()).toEqual({ ...defaultSettings, density: 'compact' });
  });
});
