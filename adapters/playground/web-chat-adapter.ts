// The local web chat as a platform adapter: its router (the page, POST /api/ask, POST /api/feedback) and its line
// in the start-up report. It has nothing to start or stop, and no delivery port: a browser tab cannot be posted
// to later, so digests never target `web:` conversations.
import type { Router } from 'express';
import type { FeatureStatus, PlatformAdapter } from '../../src/core/platform-adapter.js';
import { createPlaygroundRouter, type PlaygroundDeps } from './router.js';

export interface WebChatSettings {
  /** Where the page is served (`http://HOST:PORT/`), for the start-up report. */
  url: string;
}

export interface WebChatAdapter extends PlatformAdapter {
  readonly platform: 'web';
  readonly router: Router;
}

export const webChatStatus = (settings: WebChatSettings): FeatureStatus => ({
  feature: 'web chat',
  on: true,
  why: settings.url,
});

export function createWebChatAdapter(settings: WebChatSettings, deps: PlaygroundDeps): WebChatAdapter {
  return {
    platform: 'web',
    router: createPlaygroundRouter(deps),
    status: webChatStatus(settings),
    async start() {},
    async stop() {},
  };
}
