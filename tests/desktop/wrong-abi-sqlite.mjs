// better-sqlite3-multiple-ciphers as it fails when its addon was compiled for another runtime (Node's ABI 115 under Electron 45).
export default class Database {
  constructor() {
    const error = new Error(
      "The module '/app/node_modules/better-sqlite3-multiple-ciphers/build/Release/better_sqlite3.node'\n" +
        'was compiled against a different Node.js version using\nNODE_MODULE_VERSION 115. This version of Node.js ' +
        'requires\nNODE_MODULE_VERSION 150. Please try re-compiling or re-installing\nthe module.',
    );
    error.code = 'ERR_DLOPEN_FAILED';
    throw error;
  }
}
