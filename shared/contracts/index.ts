import { appContracts, appEvents } from './app';
import { listContracts, type EventContract } from './define';
import { accountContracts, accountEvents, searchContracts, storeContracts } from './accounts';
import { bulkContracts, bulkEvents } from './bulk';
import { profileContracts } from './profiles';
import { cacheContracts, cacheEvents } from './cache';
import { connectionContracts, connectionEvents } from './connections';
import { settingsContracts, settingsEvents } from './settings';

export * from './define';
export * from './errors';
export * from './bridge';

/** Every call, by domain. The preload, the renderer's client, the registry and the web host derive from this. */
export const contracts = {
  app: appContracts,
  settings: settingsContracts,
  connections: connectionContracts,
  stores: storeContracts,
  accounts: accountContracts,
  profiles: profileContracts,
  searches: searchContracts,
  bulk: bulkContracts,
  cache: cacheContracts,
};
export type Contracts = typeof contracts;

/** Every pushed event, by name. */
export const events = {
  showAbout: appEvents.showAbout,
  openAccount: appEvents.openAccount,
  settingsChanged: settingsEvents.changed,
  connectivityChanged: connectionEvents.connectivityChanged,
  recentChanged: accountEvents.recentChanged,
  bulkProgress: bulkEvents.progress,
  cacheChanged: cacheEvents.changed,
};
export type Events = typeof events;

export const allContracts = listContracts(contracts);
export const allEvents: EventContract[] = Object.values(events);
export const callChannels: readonly string[] = allContracts.map((contract) => contract.channel);
export const eventChannels: readonly string[] = allEvents.map((event) => event.channel);
