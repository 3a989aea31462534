// loadConfig parses an explicit environment object (never process.env here): defaults, lists, empty values,
// every problem reported at once, and no secret value in an error. Plus the redaction of secrets in logs.
import { Writable } from 'node:stream';
import { describe, expect, test } from '@jest/globals';
import { loadConfig } from '../../src/config.js';
import { AppError, userMessage } from '../../src/core/errors.js';
import { createLogger } from '../../src/core/logger.js';

function configError(env: NodeJS.ProcessEnv): AppError {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }
  throw new Error(`loadConfig(${JSON.stringify(Object.keys(env))}) was expected to fail`);
}

/** The problem lines of a CONFIG_INVALID message ("  - KEY: reason"), as the keys they name. */
function problemKeys(error: AppError): string[] {
  return error.message
    .split('\n')
    .filter((line) => line.startsWith('  - '))
    .map((line) => line.slice(4).split(':')[0]!)
    .sort();
}

describe('loadConfig defaults', () => {
  test('an empty environment gives the documented defaults', () => {
    const config = loadConfig({});
    expect(config.warehouse).toEqual({
      kind: 'duckdb',
      dataPath: 'data/marketing.csv',
      mappingPath: undefined,
      duckdbPath: '.data/marketing.duckdb',
      duckdbMemoryLimit: '512MB',
      duckdbThreads: 2,
      queryTimeoutMs: 15000,
      maxRows: 10000,
      databricks: undefined,
    });
    expect(config.http).toEqual({
      port: 3978,
      host: '127.0.0.1',
      publicBaseUrl: undefined,
      requestsPerTurn: 32,
      healthPort: 0,
    });
    expect(config.currency).toBe('CHF');
    expect(config.timeZone).toBe('Europe/Zurich');
    expect(config.llm).toBeUndefined();
    expect(config.env).toBe('development');
    expect(config.logLevel).toBe('info');
    expect(config.slack.allowedTeamIds).toEqual([]);
    expect(config.slack.allowedChannelIds).toEqual([]);
    expect(config.teams.allowedTenantIds).toEqual([]);
    expect(config.teams.appType).toBe('MultiTenant');
    expect(config.chartStore).toEqual({ maxBytes: 64 * 1024 * 1024 });
    expect(config.conversations).toEqual({ inMemory: 500, max: 50_000 });
    expect(config.heapGrowingPercent).toBe(30);
  });

  test('memory bounds: chart store in MB, conversations, DuckDB limits; nonsense refused', () => {
    const config = loadConfig({
      CHART_STORE_MAX_MB: '8',
      CHART_WORKER_IDLE_MS: '1500',
      CONVERSATIONS_IN_MEMORY: '50',
      DUCKDB_MEMORY_LIMIT: '1GB',
      DUCKDB_THREADS: '1',
    });
    expect(config.chartStore.maxBytes).toBe(8 * 1024 * 1024);
    expect(config.chartWorker).toEqual({ idleTimeoutMs: 1500 });
    expect(() => loadConfig({ CHART_WORKER_IDLE_MS: '0' })).toThrow(/CHART_WORKER_IDLE_MS/);
    expect(config.conversations.inMemory).toBe(50);
    expect(config.warehouse).toMatchObject({ duckdbMemoryLimit: '1GB', duckdbThreads: 1 });
    expect(() => loadConfig({ CHART_STORE_MAX_MB: '0' })).toThrow(/CHART_STORE_MAX_MB/);
    expect(() => loadConfig({ DUCKDB_MEMORY_LIMIT: 'lots' })).toThrow(/DUCKDB_MEMORY_LIMIT/);
  });

  test('HEALTH_PORT: off (0) unless set; a port number, nothing else', () => {
    expect(loadConfig({ HEALTH_PORT: '' }).http.healthPort).toBe(0);
    expect(loadConfig({ HEALTH_PORT: '0' }).http.healthPort).toBe(0);
    expect(loadConfig({ HEALTH_PORT: '8081' }).http.healthPort).toBe(8081);
    expect(() => loadConfig({ HEALTH_PORT: '70000' })).toThrow(/HEALTH_PORT/);
    expect(() => loadConfig({ HEALTH_PORT: 'yes' })).toThrow(/HEALTH_PORT/);
    expect(() => loadConfig({ HEALTH_PORT: '80.5' })).toThrow(/HEALTH_PORT/);
  });

  test('the LLM is on only with OPENAI_API_KEY', () => {
    expect(loadConfig({ LLM_MODEL: 'gpt-x' }).llm).toBeUndefined();
    expect(loadConfig({ OPENAI_API_KEY: 'sk-test' }).llm).toEqual({
      apiKey: 'sk-test',
      baseUrl: undefined,
      model: 'gpt-4o-mini',
      timeoutMs: 10_000,
      confidenceThreshold: 0.8,
    });
  });

  test('explicit values are read and numbers coerced', () => {
    const config = loadConfig({
      PORT: '8080',
      HOST: '0.0.0.0',
      CURRENCY: 'EUR',
      TZ: 'America/New_York',
      QUERY_MAX_ROWS: '500',
      QUERY_TIMEOUT_MS: '2500',
      MAPPING_PATH: 'mapping.yaml',
    });
    expect(config.http.port).toBe(8080);
    expect(config.http.host).toBe('0.0.0.0');
    expect(config.currency).toBe('EUR');
    expect(config.timeZone).toBe('America/New_York');
    expect(config.warehouse.maxRows).toBe(500);
    expect(config.warehouse.queryTimeoutMs).toBe(2500);
    expect(config.warehouse.mappingPath).toBe('mapping.yaml');
  });

  test('allow-lists are parsed from comma lists with spaces and empty items', () => {
    const config = loadConfig({
      SLACK_ALLOWED_TEAM_IDS: ' T01 , T02,,T03 ',
      SLACK_ALLOWED_CHANNEL_IDS: 'C1',
      TEAMS_ALLOWED_TENANT_IDS: 'tenant-a ,  tenant-b',
    });
    expect(config.slack.allowedTeamIds).toEqual(['T01', 'T02', 'T03']);
    expect(config.slack.allowedChannelIds).toEqual(['C1']);
    expect(config.teams.allowedTenantIds).toEqual(['tenant-a', 'tenant-b']);
  });

  test('empty or blank strings count as unset', () => {
    const config = loadConfig({
      PORT: '',
      WAREHOUSE: '',
      CURRENCY: '  ',
      TZ: '',
      HOST: '',
      OPENAI_API_KEY: '',
      SLACK_BOT_TOKEN: '   ',
      SLACK_ALLOWED_TEAM_IDS: '',
      DATA_PATH: '',
      MAPPING_PATH: ' ',
    });
    expect(config.http.port).toBe(3978);
    expect(config.http.host).toBe('127.0.0.1');
    expect(config.warehouse.kind).toBe('duckdb');
    expect(config.warehouse.dataPath).toBe('data/marketing.csv');
    expect(config.warehouse.mappingPath).toBeUndefined();
    expect(config.currency).toBe('CHF');
    expect(config.timeZone).toBe('Europe/Zurich');
    expect(config.llm).toBeUndefined();
    expect(config.slack.botToken).toBeUndefined();
    expect(config.slack.allowedTeamIds).toEqual([]);
  });
});

describe('loadConfig errors', () => {
  test('four bad settings give one CONFIG_INVALID listing all four', () => {
    const error = configError({ PORT: 'abc', WAREHOUSE: 'oracle', TZ: 'Mars/Olympus', CURRENCY: 'chf' });
    expect(error.code).toBe('CONFIG_INVALID');
    expect(problemKeys(error)).toEqual(['CURRENCY', 'PORT', 'TZ', 'WAREHOUSE']);
    expect(error.details?.problems).toHaveLength(4);
    expect(userMessage(error)).toContain('configuration du bot est invalide');
  });

  test.each([
    ['PORT', '70000'],
    ['PORT', '3.5'],
    ['QUERY_MAX_ROWS', '0'],
    ['QUERY_TIMEOUT_MS', 'soon'],
    ['LOG_LEVEL', 'loud'],
    ['CURRENCY', 'SWISS'],
    ['OPENAI_BASE_URL', 'not a url'],
    ['MICROSOFT_APP_TYPE', 'Whatever'],
  ])('%s=%s is rejected and named', (key, value) => {
    const error = configError({ [key]: value });
    expect(error.code).toBe('CONFIG_INVALID');
    expect(problemKeys(error)).toEqual([key]);
  });

  test('MCP_TOKENS: user=token pairs; a short token or a bad user is refused without echoing the token', () => {
    const ok = loadConfig({ MCP_TOKENS: 'alice=0123456789abcdef01234567, bob.k=abcdefabcdefabcdefabcdef99' });
    expect(ok.mcp.tokens).toEqual([
      { user: 'alice', token: '0123456789abcdef01234567' },
      { user: 'bob.k', token: 'abcdefabcdefabcdefabcdef99' },
    ]);
    expect(loadConfig({}).mcp.tokens).toEqual([]);
    for (const bad of [
      'alice=short-secret-42',
      'al ice=0123456789abcdef01234567',
      'no-equals-sign-0123456789abcdef',
    ]) {
      const error = configError({ MCP_TOKENS: bad });
      expect(problemKeys(error)).toEqual(['MCP_TOKENS']);
      expect(JSON.stringify(error.details)).not.toContain('short-secret-42');
      expect(JSON.stringify(error.details)).not.toContain('0123456789abcdef');
    }
  });

  test('WAREHOUSE=databricks without its settings names each missing one', () => {
    const error = configError({ WAREHOUSE: 'databricks' });
    expect(problemKeys(error)).toEqual([
      'DATABRICKS_ACCESS_TOKEN',
      'DATABRICKS_HTTP_PATH',
      'DATABRICKS_SERVER_HOSTNAME',
    ]);
  });

  test('WAREHOUSE=databricks names only the settings still missing', () => {
    const error = configError({
      WAREHOUSE: 'databricks',
      DATABRICKS_SERVER_HOSTNAME: 'adb-123.azuredatabricks.net',
    });
    expect(problemKeys(error)).toEqual(['DATABRICKS_ACCESS_TOKEN', 'DATABRICKS_HTTP_PATH']);
  });

  test('WAREHOUSE=databricks with the three settings builds the databricks block', () => {
    const config = loadConfig({
      WAREHOUSE: 'databricks',
      DATABRICKS_SERVER_HOSTNAME: 'adb-123.azuredatabricks.net',
      DATABRICKS_HTTP_PATH: '/sql/1.0/warehouses/abc',
      DATABRICKS_ACCESS_TOKEN: 'dapi-token',
      DATABRICKS_PORT: '443',
    });
    expect(config.warehouse.kind).toBe('databricks');
    expect(config.warehouse.databricks).toEqual({
      host: 'adb-123.azuredatabricks.net',
      path: '/sql/1.0/warehouses/abc',
      token: 'dapi-token',
      port: 443,
      catalog: undefined,
      schema: undefined,
    });
  });

  test('SLACK_BOT_TOKEN without a signing secret or an app token is an error', () => {
    const error = configError({ SLACK_BOT_TOKEN: 'xoxb-slack-secret-42' });
    expect(problemKeys(error)).toEqual(['SLACK_SIGNING_SECRET']);
    expect(error.message).toContain('SLACK_APP_TOKEN');
    expect(error.message).not.toContain('xoxb-slack-secret-42');
  });

  test('SLACK_BOT_TOKEN with a signing secret (HTTP) or an app token (Socket Mode) is fine', () => {
    expect(loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 'sig' }).slack.signingSecret).toBe(
      'sig',
    );
    expect(loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1' }).slack.appToken).toBe(
      'xapp-1',
    );
  });

  test('MICROSOFT_APP_ID without a password is an error', () => {
    const error = configError({ MICROSOFT_APP_ID: 'app-id' });
    expect(problemKeys(error)).toEqual(['MICROSOFT_APP_PASSWORD']);
  });

  test('the error message never contains a secret value', () => {
    const secrets = {
      DATABRICKS_ACCESS_TOKEN: 'dapi-secret-123',
      OPENAI_API_KEY: 'sk-secret-456',
      SLACK_SIGNING_SECRET: 'signing-secret-789',
      MICROSOFT_APP_PASSWORD: 'ms-password-000',
    };
    const error = configError({ ...secrets, PORT: 'abc', CURRENCY: 'chf' });
    expect(problemKeys(error)).toEqual(['CURRENCY', 'PORT']);
    const shown = [error.message, userMessage(error), JSON.stringify(error.details)].join('\n');
    for (const secret of Object.values(secrets)) expect(shown).not.toContain(secret);
  });

  test('a bad PORT and an incomplete databricks setup are reported together', () => {
    const error = configError({ WAREHOUSE: 'databricks', PORT: 'abc' });
    expect(problemKeys(error)).toEqual([
      'DATABRICKS_ACCESS_TOKEN',
      'DATABRICKS_HTTP_PATH',
      'DATABRICKS_SERVER_HOSTNAME',
      'PORT',
    ]);
  });
});

describe('secret redaction in logs', () => {
  function capture() {
    const chunks: string[] = [];
    const destination = new Writable({
      write(chunk, _encoding, callback) {
        chunks.push(String(chunk));
        callback();
      },
    });
    return { logger: createLogger({ level: 'info', destination }), text: () => chunks.join('') };
  }

  test('token and nested password never reach the log line', () => {
    const { logger, text } = capture();
    logger.info({ token: 'xoxb-secret', nested: { password: 'p@ss-w0rd' }, campaign: 'google_hot' }, 'hello');
    const output = text();
    expect(output).not.toContain('xoxb-secret');
    expect(output).not.toContain('p@ss-w0rd');
    const line = JSON.parse(output.trim()) as Record<string, unknown>;
    expect(line).toMatchObject({
      msg: 'hello',
      token: '[redacted]',
      nested: { password: '[redacted]' },
      campaign: 'google_hot',
    });
  });

  test('the brief example { token, nested: { password: "p" } } is redacted', () => {
    const { logger, text } = capture();
    logger.info({ token: 'xoxb-secret', nested: { password: 'p' } });
    const line = JSON.parse(text().trim()) as { token: unknown; nested: { password: unknown } };
    expect(line.token).toBe('[redacted]');
    expect(line.nested.password).toBe('[redacted]');
    expect(text()).not.toContain('xoxb-secret');
  });

  test('Slack and Teams secrets two levels down are redacted', () => {
    const { logger, text } = capture();
    logger.info({
      config: { slack: { botToken: 'xoxb-bot-1', signingSecret: 'sig-2', appToken: 'xapp-3' } },
      teams: { appPassword: 'teams-pw-4' },
      headers: { authorization: 'Bearer abc-5' },
    });
    const output = text();
    for (const secret of ['xoxb-bot-1', 'sig-2', 'xapp-3', 'teams-pw-4', 'Bearer abc-5'])
      expect(output).not.toContain(secret);
  });

  test('a token three levels down is redacted too', () => {
    const { logger, text } = capture();
    logger.info({ config: { warehouse: { databricks: { token: 'dapi-deep-secret' } } } });
    expect(text()).not.toContain('dapi-deep-secret');
  });
});
