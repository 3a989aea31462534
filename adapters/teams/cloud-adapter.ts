// The Agents SDK's CloudAdapter with one change: every connector client it makes sends through
// ConnectorHttpClient (a deadline per call, retries of 429/5xx, the token fetched only when a request is sent).
import type { Activity } from '@microsoft/agents-activity';
import {
  type AuthConfiguration,
  CloudAdapter,
  ConnectorClient,
  type HeaderPropagation,
  type HttpClient,
} from '@microsoft/agents-hosting';
import { ConnectorHttpClient, type ConnectorPolicy } from './connector-http-client.js';

type Identity = Exclude<Parameters<CloudAdapter['continueConversation']>[0], string>;

class DeadlineConnectorClient extends ConnectorClient {
  static wrap(make: () => Promise<ConnectorClient>, policy: ConnectorPolicy): ConnectorClient {
    let inner: Promise<HttpClient> | undefined;
    const lazy = () => {
      inner ??= make().then((client) => client.httpClient);
      return inner;
    };
    return new DeadlineConnectorClient(new ConnectorHttpClient(lazy, policy));
  }
}

export class TeamsCloudAdapter extends CloudAdapter {
  readonly #policy: ConnectorPolicy;

  constructor(auth: AuthConfiguration, policy: ConnectorPolicy) {
    // validateServiceUrl: a token issued for one serviceUrl cannot make the bot post to another.
    super(auth, undefined, undefined, { validateServiceUrl: true, emitStackTrace: false });
    this.#policy = policy;
  }

  protected override async createConnectorClientWithIdentity(
    identity: Identity,
    activity: Activity,
    headers?: HeaderPropagation,
  ): Promise<ConnectorClient> {
    return DeadlineConnectorClient.wrap(
      () => super.createConnectorClientWithIdentity(identity, activity, headers),
      this.#policy,
    );
  }

  protected override async createConnectorClient(
    serviceUrl: string,
    scope: string,
    identity: Identity,
    headers?: HeaderPropagation,
  ): Promise<ConnectorClient> {
    return DeadlineConnectorClient.wrap(
      () => super.createConnectorClient(serviceUrl, scope, identity, headers),
      this.#policy,
    );
  }
}
