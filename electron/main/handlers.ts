import { allContracts, contracts } from '@shared/contracts';
import { IpcRegistry } from './ipc/registry';
import type { AppServices } from './services/app-services';

/** What the handlers use: the app-wide services and the active connection's workspace. */
export type MainServices = Pick<
  AppServices,
  'logger' | 'appInfo' | 'secrets' | 'settings' | 'connections' | 'workspaces' | 'cache' | 'browser'
>;

/**
 * Wires every contract to its service. The desktop app and the web host both build their registry here. What is
 * done through a connection goes to the active connection's workspace, built on first use.
 */
export function createRegistry(services: MainServices): IpcRegistry {
  const registry = new IpcRegistry(services.logger);
  const { appInfo, secrets, settings, connections, workspaces, cache, browser } = services;
  const workspace = () => workspaces.workspace();

  registry.register(contracts.app.info, () => ({ ...appInfo, secretsEncrypted: secrets.encrypted }));
  registry.register(contracts.settings.get, () => settings.get());
  registry.register(contracts.settings.set, (patch) => settings.set(patch));

  registry.register(contracts.connections.list, () => connections.list());
  registry.register(contracts.connections.status, async () => {
    await workspace().catch(() => undefined);
    return workspaces.status();
  });
  registry.register(contracts.connections.save, (input) => connections.save(input));
  registry.register(contracts.connections.remove, async ({ id }) => {
    await connections.remove(id);
    return null;
  });
  registry.register(contracts.connections.test, (input) => connections.test(input));
  registry.register(contracts.connections.activate, async ({ id }) => {
    connections.activate(id);
    await workspace();
    return workspaces.status();
  });

  registry.register(contracts.stores.list, async () => (await workspace()).catalog.stores());
  registry.register(contracts.stores.catalog, async ({ store }) => (await workspace()).catalog.catalog(store));

  registry.register(contracts.accounts.search, async (request) => (await workspace()).accounts.search(request));
  registry.register(contracts.accounts.get, async ({ store, accountId }) =>
    (await workspace()).accounts.get(store, accountId),
  );
  registry.register(contracts.accounts.recent, async () => (await workspace()).accounts.recent());
  registry.register(contracts.accounts.exportCsv, async (request) =>
    (await workspace()).reports.searchResultsCsv(request),
  );

  registry.register(contracts.profiles.open, async ({ store, accountId }) =>
    (await workspace()).profiles.open(store, accountId),
  );
  registry.register(contracts.profiles.events, async (query) => (await workspace()).profiles.events(query));
  registry.register(contracts.profiles.event, async ({ eventId }) => (await workspace()).profiles.event(eventId));
  registry.register(contracts.profiles.eventLabels, async () => (await workspace()).profiles.eventLabels());
  registry.register(contracts.profiles.audit, async ({ store, accountId, page, size }) =>
    (await workspace()).profiles.audit(store, accountId, page, size),
  );
  registry.register(contracts.profiles.notification, async ({ store, notificationId }) =>
    (await workspace()).profiles.notification(store, notificationId),
  );
  registry.register(contracts.profiles.notificationOptions, async ({ store, accountId }) =>
    (await workspace()).profiles.notificationOptions(store, accountId),
  );
  registry.register(contracts.profiles.act, async ({ store, accountId, action }) =>
    (await workspace()).profiles.act(store, accountId, action),
  );
  registry.register(contracts.profiles.deleteAccount, async ({ store, accountId, confirmation }) => {
    await (await workspace()).profiles.deleteAccount(store, accountId, confirmation);
    return null;
  });
  registry.register(contracts.profiles.impersonate, async ({ store, accountId, clientId, reason }) => {
    const url = await (await workspace()).profiles.impersonate(store, accountId, clientId, reason);
    // Never in Deskside's own window: the system browser, where the host has one to hand.
    if (browser) {
      await browser.open(url);
      return { opened: true, url: null };
    }
    return { opened: false, url };
  });
  registry.register(contracts.profiles.download, async ({ store, accountId, fileType }) => {
    const { profiles, reports } = await workspace();
    const content = await profiles.download(store, accountId, fileType);
    const path = await reports.save(`account-${accountId}.${fileType}`, content, fileType);
    return { path };
  });
  registry.register(contracts.profiles.exportReport, async ({ store, accountId, format, caseReference, includeName }) =>
    (await workspace()).reports.export(store, accountId, format, { caseReference, includeName }),
  );
  registry.register(contracts.profiles.reportHtml, async ({ store, accountId, caseReference }) =>
    (await workspace()).reports.html(store, accountId, { caseReference }),
  );
  registry.register(contracts.profiles.reportFormats, async () => (await workspace()).reports.formats());

  registry.register(contracts.searches.list, async () => (await workspace()).searches.list());
  registry.register(contracts.searches.save, async (input) => (await workspace()).searches.save(input));
  registry.register(contracts.searches.remove, async ({ id }) => {
    await (await workspace()).searches.remove(id);
    return null;
  });
  registry.register(contracts.searches.lastResults, async ({ id }) => (await workspace()).searches.lastResults(id));
  registry.register(contracts.searches.run, async ({ id, page }) => (await workspace()).searches.run(id, page));

  registry.register(contracts.bulk.start, async (request) => (await workspace()).bulk.start(request));
  registry.register(contracts.bulk.cancel, async ({ jobId }) => (await workspace()).bulk.cancel(jobId));
  registry.register(contracts.bulk.result, async ({ jobId }) => (await workspace()).bulk.result(jobId));

  registry.register(contracts.cache.status, () => cache.status());
  registry.register(contracts.cache.clear, () => cache.clear());
  registry.register(contracts.cache.setRetention, ({ days }) => cache.setRetention(days));

  registry.assertComplete(allContracts);
  return registry;
}
