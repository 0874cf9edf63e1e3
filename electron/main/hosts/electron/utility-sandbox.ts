import { utilityProcess } from 'electron';
import type { Logger } from '../../services/logger';
import { awaitSandbox, sandboxArgs, type SandboxLauncher } from '../../services/connections/sandbox-launcher';

/** The desktop app's launcher: the sandbox in an Electron utility process, which ends with the app. */
export function utilitySandboxLauncher(entry: string, logger: Logger, startTimeoutMs = 120_000): SandboxLauncher {
  return {
    start: ({ dataFile }) =>
      awaitSandbox(
        utilityProcess.fork(entry, sandboxArgs(dataFile), { stdio: 'pipe', serviceName: 'Deskside sandbox' }),
        logger,
        startTimeoutMs,
      ),
  };
}
