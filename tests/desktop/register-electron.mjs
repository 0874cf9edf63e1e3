// `node --import tsx --import ./tests/desktop/register-electron.mjs out/main/index.js`: runs the built app with
// the strict fake in place of Electron, for ES modules (the main bundle) and CommonJS (the preload) alike.
import Module, { register } from 'node:module';
import { fileURLToPath } from 'node:url';

register('./electron-hooks.mjs', import.meta.url);

const fakePath = fileURLToPath(new URL('./strict-electron.ts', import.meta.url));
const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return resolveFilename.call(this, request === 'electron' ? fakePath : request, ...rest);
};
