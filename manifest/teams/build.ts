// `npm run manifest:teams`: the Teams app package (manifest.json + the two icons, zipped) to upload in Teams
// (Apps → Manage your apps → Upload an app) or in the Teams admin centre.
//   npm run manifest:teams -- [--app-id GUID] [--domain bot.example.com] [--version 1.0.1] [--out dist/teams-app.zip]
// The app id and domain default to MICROSOFT_APP_ID and the host of PUBLIC_BASE_URL (read through src/config.ts).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../../src/config.js';
import { zip } from './zip.js';

const HERE = new URL('./', import.meta.url);
const GUID = /^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$/;
const SEMVER = /^\d+\.\d+\.\d+$/;

export interface PackageOptions {
  /** The Azure Bot's Microsoft App ID: both the Teams app id and the bot id. */
  appId: string;
  /** The bot's public host (no scheme), for validDomains. */
  domain?: string;
  version?: string;
}

type Manifest = Record<string, unknown> & { bots: { botId: string }[]; validDomains?: string[] };

export function readTemplate(): Manifest {
  return JSON.parse(readFileSync(new URL('manifest.json', HERE), 'utf8')) as Manifest;
}

/** The template with this deployment's ids filled in; throws on values Teams would reject at upload. */
export function buildManifest(template: Manifest, options: PackageOptions): Manifest {
  if (!GUID.test(options.appId))
    throw new Error(`app id must be a GUID (the Azure Bot's Microsoft App ID): ${options.appId}`);
  if (options.version !== undefined && !SEMVER.test(options.version)) {
    throw new Error(`version must look like 1.2.3: ${options.version}`);
  }
  const domain = options.domain?.replace(/^https?:\/\//, '').replace(/\/.*$/, '');
  const manifest: Manifest = structuredClone(template);
  manifest.id = options.appId;
  manifest.bots = manifest.bots.map((bot) => ({ ...bot, botId: options.appId }));
  if (options.version) manifest.version = options.version;
  if (domain) manifest.validDomains = [domain];
  return manifest;
}

export function buildPackage(options: PackageOptions): Buffer {
  const manifest = buildManifest(readTemplate(), options);
  return zip([
    { name: 'manifest.json', data: Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`) },
    { name: 'color.png', data: readFileSync(new URL('color.png', HERE)) },
    { name: 'outline.png', data: readFileSync(new URL('outline.png', HERE)) },
  ]);
}

function defaults(): { appId?: string; domain?: string } {
  try {
    const config = loadConfig();
    const base = config.http.publicBaseUrl;
    return { appId: config.teams.appId, domain: base ? new URL(base).host : undefined };
  } catch {
    // An unrelated setting may be invalid; the flags can still build the package.
    return {};
  }
}

export function main(argv: string[]): number {
  const { values } = parseArgs({
    args: argv,
    options: {
      'app-id': { type: 'string' },
      domain: { type: 'string' },
      version: { type: 'string' },
      out: { type: 'string', default: 'dist/teams-app.zip' },
    },
  });
  const fallback = defaults();
  const appId = values['app-id'] ?? fallback.appId;
  if (!appId) {
    process.stderr.write(
      'MICROSOFT_APP_ID (or --app-id) is required: the Teams app id is the Azure Bot app id.\n',
    );
    return 1;
  }
  try {
    const out = resolve(values.out);
    const archive = buildPackage({
      appId,
      domain: values.domain ?? fallback.domain,
      version: values.version,
    });
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, archive);
    process.stdout.write(`${out} (${archive.length} bytes): upload it in Teams → Apps → Manage your apps.\n`);
    return 0;
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}

// Run only as a script (`tsx manifest/teams/build.ts`), not when a test imports the functions.
if (process.argv[1] && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname)) {
  process.exitCode = main(process.argv.slice(2));
}
