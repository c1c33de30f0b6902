// Every module of the page links in node: each name it imports is exported
// by the module it names (a browser would refuse the whole page otherwise).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const web = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../serve/web');

test('every module of serve/web/js links', async () => {
  const files = fs.readdirSync(path.join(web, 'js')).filter((f) => f.endsWith('.js'));
  assert.ok(files.length >= 10, `${files.length} modules`);
  for (const f of files) {
    await assert.doesNotReject(import(pathToFileURL(path.join(web, 'js', f))), f);
  }
});

test('app.js imports only modules that exist', () => {
  const text = fs.readFileSync(path.join(web, 'app.js'), 'utf8');
  const named = [...text.matchAll(/from '(\.\/[^']+)'/g)].map((m) => m[1]);
  assert.ok(named.length > 3);
  for (const n of named) assert.ok(fs.existsSync(path.join(web, n)), n);
});
