// Fails when imports run in a circle among the app's own files (electron/, renderer/, shared/, sandbox/; tests
// excluded). Modules are resolved by the TypeScript compiler with the project's own settings (paths included);
// type-only imports are left out, since they vanish at run time. Part of `npm run lint`.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

const root = join(import.meta.dirname, '..');
const layers = ['electron', 'renderer/src', 'shared', 'sandbox'];
const isSource = (name) => /\.tsx?$/.test(name) && !/\.(test|spec)\.tsx?$/.test(name) && !name.endsWith('.d.ts');

function sourcesUnder(folder) {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return entry.name === 'test' ? [] : sourcesUnder(path);
    return isSource(entry.name) ? [path] : [];
  });
}

const config = ts.readConfigFile(join(root, 'tsconfig.base.json'), ts.sys.readFile);
const { options } = ts.parseJsonConfigFileContent(config.config, ts.sys, root);

/** The modules a file imports for their values (not `import type`, not `export type`). */
function valueImports(file) {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, false);
  const specifiers = [];
  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement)) {
      const clause = statement.importClause;
      const typeOnly =
        clause?.isTypeOnly ||
        (clause &&
          !clause.name &&
          clause.namedBindings &&
          ts.isNamedImports(clause.namedBindings) &&
          clause.namedBindings.elements.length > 0 &&
          clause.namedBindings.elements.every((element) => element.isTypeOnly));
      if (!typeOnly) specifiers.push(statement.moduleSpecifier.text);
    } else if (ts.isExportDeclaration(statement) && statement.moduleSpecifier && !statement.isTypeOnly) {
      specifiers.push(statement.moduleSpecifier.text);
    }
  }
  return specifiers;
}

const files = layers.flatMap((layer) => sourcesUnder(join(root, layer)));
const known = new Set(files);
const graph = new Map(
  files.map((file) => [
    file,
    valueImports(file)
      .map((specifier) => ts.resolveModuleName(specifier, file, options, ts.sys).resolvedModule?.resolvedFileName)
      .filter((resolved) => resolved && known.has(resolved)),
  ]),
);

// Tarjan's strongly connected components: every component of more than one file is a cycle.
let counter = 0;
const index = new Map();
const low = new Map();
const stack = [];
const onStack = new Set();
const cycles = [];
function visit(file) {
  index.set(file, counter);
  low.set(file, counter++);
  stack.push(file);
  onStack.add(file);
  for (const next of graph.get(file)) {
    if (!index.has(next)) {
      visit(next);
      low.set(file, Math.min(low.get(file), low.get(next)));
    } else if (onStack.has(next)) low.set(file, Math.min(low.get(file), index.get(next)));
  }
  if (low.get(file) !== index.get(file)) return;
  const component = [];
  let member;
  do {
    member = stack.pop();
    onStack.delete(member);
    component.push(relative(root, member));
  } while (member !== file);
  if (component.length > 1) cycles.push(component);
}
for (const file of files) if (!index.has(file)) visit(file);

for (const cycle of cycles) console.error(`import cycle: ${cycle.join(' <-> ')}`);
console.log(`imports: ${files.length} files, ${cycles.length} cycle${cycles.length === 1 ? '' : 's'}`);
process.exit(cycles.length === 0 ? 0 : 1);
