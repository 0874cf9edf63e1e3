import { Settings, SettingsPatch } from '../domain/settings';
import { defineContract, defineEvent, NoInput } from './define';

export const settingsContracts = {
  get: defineContract({ channel: 'settings:get', input: NoInput, output: Settings }),
  set: defineContract({ channel: 'settings:set', input: SettingsPatch, output: Settings }),
};

export const settingsEvents = {
  /** Another window or host changed the settings. */
  changed: defineEvent({ channel: 'settings:changed', payload: Settings }),
};
