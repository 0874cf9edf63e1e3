/**
 * What Electron 45's own type declarations (node_modules/electron/electron.d.ts) allow, read with the TypeScript
 * parser: the option names of a BrowserWindow, its webPreferences and utilityProcess.fork, and the menu item
 * properties and roles. The strict fake checks every call against these, so a misspelt option or a role Electron
 * does not know fails the smoke test instead of being ignored by a lenient double.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import ts from 'typescript';

const require = createRequire(import.meta.url);
const source = ts.createSourceFile(
  'electron.d.ts',
  readFileSync(require.resolve('electron/electron.d.ts'), 'utf8'),
  ts.ScriptTarget.Latest,
  true,
);

const interfaces = new Map<string, ts.InterfaceDeclaration>();
const visit = (node: ts.Node) => {
  if (ts.isInterfaceDeclaration(node) && !interfaces.has(node.name.text)) interfaces.set(node.name.text, node);
  ts.forEachChild(node, visit);
};
visit(source);

/** The property names of an interface, with those of the interfaces it extends. */
function propertiesOf(name: string): Set<string> {
  const declaration = interfaces.get(name);
  if (!declaration) throw new Error(`electron.d.ts has no interface ${name}`);
  const names = new Set<string>();
  for (const member of declaration.members)
    if (ts.isPropertySignature(member) && member.name && ts.isIdentifier(member.name)) names.add(member.name.text);
  for (const clause of declaration.heritageClauses ?? [])
    for (const type of clause.types)
      for (const inherited of propertiesOf(type.expression.getText(source))) names.add(inherited);
  return names;
}

/** The string literals of a property's union type (`role?: 'undo' | 'redo' | ...`). */
function literalsOf(interfaceName: string, property: string): Set<string> {
  const declaration = interfaces.get(interfaceName)!;
  const member = declaration.members.find(
    (candidate) => ts.isPropertySignature(candidate) && candidate.name.getText(source) === property,
  ) as ts.PropertySignature | undefined;
  const values = new Set<string>();
  const collect = (node: ts.Node) => {
    if (ts.isLiteralTypeNode(node) && ts.isStringLiteral(node.literal)) values.add(node.literal.text);
    ts.forEachChild(node, collect);
  };
  if (member?.type) collect(member.type);
  return values;
}

export const declared = {
  browserWindowOptions: propertiesOf('BrowserWindowConstructorOptions'),
  webPreferences: propertiesOf('WebPreferences'),
  menuItemOptions: propertiesOf('MenuItemConstructorOptions'),
  menuRoles: literalsOf('MenuItemConstructorOptions', 'role'),
  forkOptions: propertiesOf('ForkOptions'),
  privilegedSchemeOptions: propertiesOf('Privileges'),
};

/** The keys of `value` that `allowed` does not have. */
export function unknownKeys(value: object, allowed: Set<string>): string[] {
  return Object.keys(value).filter((key) => !allowed.has(key));
}
