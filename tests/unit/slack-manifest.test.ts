// The two Slack app manifests (HTTP and Socket Mode) must stay in step with the code: the same scopes and events in
// both, every event the listeners handle subscribed, every Web API method the adapter calls covered by a scope, and
// the HTTP one pointing Slack at the route the adapter serves.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from '@jest/globals';
import { parse } from 'yaml';

interface SlackManifest {
  oauth_config: { scopes: { bot: string[] } };
  settings: {
    event_subscriptions: { request_url?: string; bot_events: string[] };
    interactivity: { is_enabled: boolean; request_url?: string };
    socket_mode_enabled: boolean;
  };
  features: {
    slash_commands: { command: string; url?: string }[];
    assistant_view?: { assistant_description: string };
  };
}

const read = (name: string) => parse(readFileSync(`manifest/slack/${name}`, 'utf8')) as SlackManifest;
const http = read('manifest.yml');
const socket = read('manifest.socket-mode.yml');

// What adapters/slack calls, and the scope each needs (https://api.slack.com/methods). A key is the call as it
// appears in the code (`threads.setStatus(` for web.assistant.threads.setStatus; Bolt's Assistant helpers by name).
const METHOD_SCOPES: Record<string, string[]> = {
  'threads.setStatus': ['assistant:write'],
  setSuggestedPrompts: ['assistant:write'],
  setTitle: ['assistant:write'],
  chatStream: ['chat:write'],
  'conversations.open': ['im:write'],
  'chat.postMessage': ['chat:write'],
  'chat.update': ['chat:write'],
  'chat.postEphemeral': ['chat:write'],
  'conversations.join': ['channels:join'],
  // digest add: is the bot in the target channel (adapters/slack/target-check.ts)
  'conversations.info': ['channels:read', 'groups:read'],
  // uploadV2 = files.getUploadURLExternal + files.completeUploadExternal
  'files.uploadV2': ['files:write'],
  'conversations.history': ['channels:history', 'groups:history'],
  'conversations.replies': ['channels:history', 'groups:history'],
};
// The events adapters/slack/listeners.ts handles, and their scopes.
const EVENT_SCOPES: Record<string, string> = {
  app_mention: 'app_mentions:read',
  'message.im': 'im:history',
  'message.channels': 'channels:history',
  'message.groups': 'groups:history',
  assistant_thread_started: 'assistant:write',
  assistant_thread_context_changed: 'assistant:write',
};

describe('Slack manifests', () => {
  test('both ask for the same scopes and events', () => {
    expect([...socket.oauth_config.scopes.bot].sort()).toEqual([...http.oauth_config.scopes.bot].sort());
    expect([...socket.settings.event_subscriptions.bot_events].sort()).toEqual(
      [...http.settings.event_subscriptions.bot_events].sort(),
    );
  });

  test('every method the adapter calls and every event it handles is covered, and nothing more is asked', () => {
    const adapterCode = ['delivery.ts', 'listeners.ts', 'slack-adapter.ts', 'assistant.ts', 'target-check.ts']
      .map((file) => readFileSync(`adapters/slack/${file}`, 'utf8'))
      .join('\n');
    const needed = new Set<string>(['commands']);
    for (const [method, scopes] of Object.entries(METHOD_SCOPES)) {
      if (adapterCode.includes(`${method}(`)) for (const scope of scopes) needed.add(scope);
    }
    for (const event of http.settings.event_subscriptions.bot_events)
      needed.add(EVENT_SCOPES[event] ?? event);
    expect(Object.keys(EVENT_SCOPES).sort()).toEqual(
      [...http.settings.event_subscriptions.bot_events].sort(),
    );
    expect([...http.oauth_config.scopes.bot].sort()).toEqual([...needed].sort());
  });

  test('the assistant surface: the assistant view is described and its thread events are subscribed', () => {
    for (const manifest of [http, socket]) {
      expect(manifest.features.assistant_view?.assistant_description).toBeTruthy();
      expect(manifest.settings.event_subscriptions.bot_events).toEqual(
        expect.arrayContaining(['assistant_thread_started', 'assistant_thread_context_changed']),
      );
      expect(manifest.oauth_config.scopes.bot).toEqual(
        expect.arrayContaining(['assistant:write', 'im:write']),
      );
    }
  });

  test('HTTP mode points events, interactivity and /marketing at /slack/events; Socket Mode has no URLs', () => {
    expect(http.settings.socket_mode_enabled).toBe(false);
    expect(http.settings.event_subscriptions.request_url).toMatch(/^https:\/\/[^/]+\/slack\/events$/);
    expect(http.settings.interactivity.request_url).toBe(http.settings.event_subscriptions.request_url);
    expect(http.features.slash_commands[0]).toMatchObject({ command: '/marketing' });
    expect(http.features.slash_commands[0]?.url).toBe(http.settings.event_subscriptions.request_url);
    expect(socket.settings.socket_mode_enabled).toBe(true);
    expect(socket.settings.event_subscriptions.request_url).toBeUndefined();
    expect(socket.features.slash_commands[0]?.url).toBeUndefined();
  });
});
