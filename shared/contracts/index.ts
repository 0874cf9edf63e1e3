import { appContracts, appEvents } from './app';
import { listContracts, type EventContract } from './define';
import { settingsContracts, settingsEvents } from './settings';

export * from './define';
export * from './errors';
export * from './bridge';

/** Every call, by domain. The preload, the renderer's client, the registry and the web host derive from this. */
export const contracts = {
  app: appContracts,
  settings: settingsContracts,
};
export type Contracts = typeof contracts;

/** Every pushed event, by name. */
export const events = {
  showAbout: appEvents.showAbout,
  settingsChanged: settingsEvents.changed,
};
export type Events = typeof events;

export const allContracts = listContracts(contracts);
export const allEvents: EventContract[] = Object.values(events);
export const callChannels: readonly string[] = allContracts.map((contract) => contract.channel);
export const eventChannels: readonly string[] = allEvents.map((event) => event.channel);
