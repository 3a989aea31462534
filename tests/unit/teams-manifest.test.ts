// The Teams app package: manifest.json against the official schema shipped next to it (when a JSON-schema
// validator is installed) and against the constraints Teams enforces at upload, the icons, and the zip itself
// (read back here with an independent parser: central directory → local header → inflate → CRC).
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32, inflateRawSync } from 'node:zlib';
import { describe, expect, test } from '@jest/globals';
import sharp from 'sharp';
import { buildManifest, buildPackage, main, readTemplate } from '../../manifest/teams/build.js';

const DIR = new URL('../../manifest/teams/', import.meta.url);
const APP_ID = '12345678-9abc-4def-8123-456789abcdef';
const GUID = /^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$/;
const template = readTemplate();
type Bot = {
  botId: string;
  scopes: string[];
  commandLists: { scopes: string[]; commands: { title: string; description: string }[] }[];
};

async function schemaValidator(): Promise<((manifest: unknown) => string[]) | undefined> {
  // Optional devDependencies (ajv + ajv-draft-04 + ajv-formats): the Teams schema is JSON Schema draft-04.
  const names = ['ajv-draft-04', 'ajv-formats'];
  try {
    const [draft04, formats] = await Promise.all(names.map((name) => import(name)));
    const Ajv = draft04.default ?? draft04;
    const ajv = new Ajv({ allErrors: true, strictTypes: false });
    (formats.default ?? formats)(ajv, ['uri', 'email', 'regex']);
    const raw = readFileSync(new URL('MicrosoftTeams.schema.v1.30.json', DIR), 'utf8');
    const validate = ajv.compile(JSON.parse(raw));
    return (manifest) =>
      validate(manifest)
        ? []
        : (validate.errors ?? []).map(
            (error: { instancePath: string; message: string }) => `${error.instancePath} ${error.message}`,
          );
  } catch {
    return undefined;
  }
}

const validator = await schemaValidator();

(validator ? test : test.skip)('the built manifest validates against the official Teams schema v1.30', () => {
  expect(validator!(buildManifest(template, { appId: APP_ID, domain: 'bot.example.com' }))).toEqual([]);
});

describe('manifest.json (the constraints Teams checks at upload)', () => {
  test('current schema version, consistent with $schema and the shipped schema file', () => {
    expect(template.manifestVersion).toBe('1.30');
    expect(template.$schema).toBe(
      'https://developer.microsoft.com/json-schemas/teams/v1.30/MicrosoftTeams.schema.json',
    );
    const schema = JSON.parse(readFileSync(new URL('MicrosoftTeams.schema.v1.30.json', DIR), 'utf8'));
    expect(schema.properties.manifestVersion.const).toBe('1.30');
    for (const key of schema.required as string[]) expect(template).toHaveProperty(key);
  });

  test('names, descriptions and colour within the limits', () => {
    const name = template.name as { short: string; full: string };
    const description = template.description as { short: string; full: string };
    expect(name.short.length).toBeLessThanOrEqual(30);
    expect(name.full.length).toBeLessThanOrEqual(100);
    expect(description.short.length).toBeLessThanOrEqual(80);
    expect(description.full.length).toBeLessThanOrEqual(4000);
    expect(template.accentColor).toMatch(/^#[0-9a-fA-F]{6}$/);
    expect(GUID.test(String(template.id))).toBe(true);
    for (const url of Object.values(template.developer as Record<string, string>).slice(1))
      expect(url).toMatch(/^https:\/\//);
  });

  test('one bot in personal, team and group chat scopes, with example questions per scope', () => {
    const bots = template.bots as unknown as Bot[];
    expect(bots).toHaveLength(1);
    expect([...bots[0]!.scopes].sort()).toEqual(['groupChat', 'personal', 'team']);
    const lists = bots[0]!.commandLists;
    expect(lists.length).toBeLessThanOrEqual(3);
    expect(lists.flatMap((list) => list.scopes).sort()).toEqual(['groupChat', 'personal', 'team']);
    for (const list of lists) {
      expect(list.commands.length).toBeGreaterThan(0);
      expect(list.commands.length).toBeLessThanOrEqual(10);
      for (const command of list.commands) {
        expect(command.title.length).toBeLessThanOrEqual(128);
        expect(command.description.length).toBeLessThanOrEqual(128);
      }
    }
  });

  test('icons: 192×192 colour, 32×32 outline white on transparent', async () => {
    const color = await sharp(readFileSync(new URL('color.png', DIR))).metadata();
    expect([color.format, color.width, color.height]).toEqual(['png', 192, 192]);
    const { data, info } = await sharp(readFileSync(new URL('outline.png', DIR)))
      .raw()
      .toBuffer({ resolveWithObject: true });
    expect([info.width, info.height, info.channels]).toEqual([32, 32, 4]);
    let transparent = 0;
    for (let index = 0; index < data.length; index += 4) {
      if (data[index + 3] === 0) transparent += 1;
      else expect([data[index], data[index + 1], data[index + 2]]).toEqual([255, 255, 255]);
    }
    expect(transparent).toBeGreaterThan(32 * 32 * 0.3); // a real background, not a filled square
  });
});

describe('buildManifest', () => {
  test('sets the app id on the app and the bot, the version and the domain', () => {
    const built = buildManifest(template, {
      appId: APP_ID,
      domain: 'https://bot.contoso.ch/api',
      version: '1.2.3',
    });
    expect(built.id).toBe(APP_ID);
    expect((built.bots as unknown as Bot[])[0]!.botId).toBe(APP_ID);
    expect(built.version).toBe('1.2.3');
    expect(built.validDomains).toEqual(['bot.contoso.ch']);
    expect(template.id).toBe('00000000-0000-0000-0000-000000000000'); // the template is not modified
  });

  test('rejects what Teams would reject at upload', () => {
    expect(() => buildManifest(template, { appId: 'my-bot' })).toThrow(/GUID/);
    expect(() => buildManifest(template, { appId: APP_ID, version: 'v2' })).toThrow(/version/);
  });
});

function unzip(archive: Buffer): Map<string, Buffer> {
  const end = archive.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = archive.readUInt16LE(end + 10);
  let at = archive.readUInt32LE(end + 16);
  const files = new Map<string, Buffer>();
  for (let index = 0; index < count; index += 1) {
    expect(archive.readUInt32LE(at)).toBe(0x02014b50);
    const crc = archive.readUInt32LE(at + 16);
    const size = archive.readUInt32LE(at + 20);
    const nameLength = archive.readUInt16LE(at + 28);
    const extra = archive.readUInt16LE(at + 30) + archive.readUInt16LE(at + 32);
    const local = archive.readUInt32LE(at + 42);
    const name = archive.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    const dataStart = local + 30 + archive.readUInt16LE(local + 26) + archive.readUInt16LE(local + 28);
    const data = inflateRawSync(archive.subarray(dataStart, dataStart + size));
    expect(crc32(data)).toBe(crc);
    files.set(name, data);
    at += 46 + nameLength + extra;
  }
  return files;
}

test('the package holds manifest.json and both icons at its root, readable back', () => {
  const files = unzip(buildPackage({ appId: APP_ID, domain: 'bot.example.com' }));
  expect([...files.keys()].sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
  expect(JSON.parse(files.get('manifest.json')!.toString('utf8')).id).toBe(APP_ID);
  expect(files.get('color.png')!.equals(readFileSync(new URL('color.png', DIR)))).toBe(true);
});

test('main writes dist/teams-app.zip (here a temporary path) and fails clearly without an app id', () => {
  const out = join(mkdtempSync(join(tmpdir(), 'teams-app-')), 'teams-app.zip');
  expect(main(['--app-id', APP_ID, '--domain', 'bot.example.com', '--out', out])).toBe(0);
  expect(unzip(readFileSync(out)).size).toBe(3);
  expect(main(['--app-id', 'not-a-guid', '--out', out])).toBe(1);
});
