// Module resolution hooks for the start-up smoke test: `electron` is the strict fake; with
// DESKSIDE_SMOKE_WRONG_ABI=1, `better-sqlite3-multiple-ciphers` is a module that fails as an addon built for another ABI does.
const fake = new URL('./strict-electron.ts', import.meta.url).href;
const wrongAbi = new URL('./wrong-abi-sqlite.mjs', import.meta.url).href;

export async function resolve(specifier, context, next) {
  // Through the next resolver (tsx), so the TypeScript fake is compiled like any other source.
  if (specifier === 'electron') return next(fake, context);
  if (specifier === 'better-sqlite3-multiple-ciphers' && process.env.DESKSIDE_SMOKE_WRONG_ABI === '1')
    return { url: wrongAbi, shortCircuit: true };
  return next(specifier, context);
}
