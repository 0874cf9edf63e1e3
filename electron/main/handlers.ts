import { allContracts, contracts } from '@shared/contracts';
import { IpcRegistry } from './ipc/registry';
import type { AppServices } from './services/app-services';

/** The parts of the services the handlers use; tests may pass a subset built by hand. */
export type MainServices = Pick<AppServices, 'logger' | 'appInfo' | 'secrets' | 'settings'> &
  Partial<Omit<AppServices, 'logger' | 'appInfo' | 'secrets' | 'settings'>>;

function need<T>(service: T | undefined, name: string): T {
  if (!service) throw new Error(`the ${name} service is not available in this host`);
  return service;
}

/** Wires every contract to its service. The desktop app and the web host both build their registry here. */
export function createRegistry(services: MainServices): IpcRegistry {
  const registry = new IpcRegistry(services.logger);
  const { appInfo, secrets, settings } = services;
  const connections = () => need(services.connections, 'connections');
  const accounts = () => need(services.accounts, 'accounts');
  const searches = () => need(services.searches, 'saved searches');
  const bulk = () => need(services.bulk, 'bulk actions');
  const cache = () => need(services.cache, 'cache');
  const profiles = () => need(services.profiles, 'account profiles');
  const reports = () => need(services.reports, 'reports');
  const platform = async () => (await connections().active()).platform;

  registry.register(contracts.app.info, () => ({ ...appInfo, secretsEncrypted: secrets.encrypted }));
  registry.register(contracts.settings.get, () => settings.get());
  registry.register(contracts.settings.set, (patch) => settings.set(patch));

  registry.register(contracts.connections.list, () => connections().list());
  registry.register(contracts.connections.status, async () => {
    await connections()
      .active()
      .catch(() => undefined);
    return connections().status();
  });
  registry.register(contracts.connections.save, (input) => connections().save(input));
  registry.register(contracts.connections.remove, async ({ id }) => {
    await connections().remove(id);
    return null;
  });
  registry.register(contracts.connections.test, (input) => connections().test(input));
  registry.register(contracts.connections.activate, ({ id }) => connections().activate(id));

  registry.register(contracts.stores.list, async () => (await platform()).listIdentityStores());
  registry.register(contracts.stores.schema, async ({ store }) => (await platform()).attributeSchema(store));
  registry.register(contracts.stores.groups, async ({ store }) => (await platform()).listGroups(store));
  registry.register(contracts.stores.organizations, async ({ store }) => (await platform()).listOrganizations(store));
  registry.register(contracts.stores.roles, async ({ store }) => (await platform()).listRoles(store));

  registry.register(contracts.accounts.search, (request) => accounts().search(request));
  registry.register(contracts.accounts.get, ({ store, accountId }) => accounts().get(store, accountId));
  registry.register(contracts.accounts.opened, async ({ store, accountId }) => {
    await accounts().opened(store, accountId);
    return null;
  });
  registry.register(contracts.accounts.recent, () => accounts().recent());
  registry.register(contracts.accounts.exportCsv, (request) => reports().searchResultsCsv(request));

  registry.register(contracts.profiles.open, ({ store, accountId }) => profiles().open(store, accountId));
  registry.register(contracts.profiles.events, (query) => profiles().events(query));
  registry.register(contracts.profiles.event, ({ eventId }) => profiles().event(eventId));
  registry.register(contracts.profiles.notification, ({ store, notificationId }) =>
    profiles().notification(store, notificationId),
  );
  registry.register(contracts.profiles.notificationOptions, ({ store, accountId }) =>
    profiles().notificationOptions(store, accountId),
  );
  registry.register(contracts.profiles.act, ({ store, accountId, action }) => profiles().act(store, accountId, action));
  registry.register(contracts.profiles.deleteAccount, async ({ store, accountId, confirmation }) => {
    await profiles().deleteAccount(store, accountId, confirmation);
    return null;
  });
  registry.register(contracts.profiles.download, async ({ store, accountId, fileType }) => {
    const content = await profiles().download(store, accountId, fileType);
    const path = await reports().save(`account-${accountId}.${fileType}`, content, fileType);
    return { path };
  });
  registry.register(contracts.profiles.exportReport, ({ store, accountId, format, caseReference, includeName }) =>
    reports().export(store, accountId, format, { caseReference, includeName }),
  );
  registry.register(contracts.profiles.reportHtml, ({ store, accountId, caseReference }) =>
    reports().html(store, accountId, { caseReference }),
  );
  registry.register(contracts.profiles.reportFormats, () => reports().formats());

  registry.register(contracts.searches.list, () => searches().list());
  registry.register(contracts.searches.save, (input) => searches().save(input));
  registry.register(contracts.searches.remove, async ({ id }) => {
    await searches().remove(id);
    return null;
  });
  registry.register(contracts.searches.lastResults, ({ id }) => searches().lastResults(id));
  registry.register(contracts.searches.run, ({ id, page }) => searches().run(id, page));

  registry.register(contracts.bulk.start, (request) => bulk().start(request));
  registry.register(contracts.bulk.cancel, ({ jobId }) => bulk().cancel(jobId));
  registry.register(contracts.bulk.result, ({ jobId }) => bulk().result(jobId));

  registry.register(contracts.cache.status, () => cache().status());
  registry.register(contracts.cache.clear, () => cache().clear());
  registry.register(contracts.cache.setRetention, ({ days }) => cache().setRetention(days));

  registry.assertComplete(allContracts);
  return registry;
}
