/** Where the tests find Deno: $DENO, else the pinned copy `npm run deno:ensure` installs. */
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');

export function denoBin(): string {
  const deno = process.env.DENO ?? path.join(root, '.cache', 'deno', 'node_modules', '.bin', 'deno');
  if (!fs.existsSync(deno))
    throw new Error(`Deno is not installed at ${deno}: run \`npm run deno:ensure\` (npm run check does), or set DENO`);
  return deno;
}
