// The HTTP client the Bot Framework connector calls go through, with a deadline. botbuilder's ConnectorClient sends
// with no timeout at all, so a connector that accepts a request and never answers would hold the turn (and, for a
// digest, the scheduler) forever. The SDK replaces any request policy it is given but keeps `httpClient`, so the
// deadline lives here: the request is aborted and the call fails with AppError PLATFORM_TIMEOUT.
// It is not retried here: a card the connector received but did not acknowledge would be posted twice.
import { type CompatResponse, type RequestPolicy, toCompatResponse } from '@azure/core-http-compat';
import {
  createDefaultHttpClient,
  createHttpHeaders,
  createPipelineRequest,
  type HttpClient,
} from '@azure/core-rest-pipeline';
import { AppError } from '../../src/core/errors.js';

/** `timeoutMs` bounds the whole exchange, body included. */
export function connectorHttpClient(
  timeoutMs: number,
  inner: HttpClient = createDefaultHttpClient(),
): RequestPolicy {
  return {
    async sendRequest(resource): Promise<CompatResponse> {
      const controller = new AbortController();
      let timedOut = false;
      const timer = setTimeout(() => {
        timedOut = true;
        controller.abort();
      }, timeoutMs);
      const abortIfCallerDoes = () => controller.abort();
      resource.abortSignal?.addEventListener('abort', abortIfCallerDoes);
      const request = createPipelineRequest({
        url: resource.url,
        method: resource.method,
        headers: createHttpHeaders(resource.headers.toJson({ preserveCase: true })),
        body: resource.body,
        abortSignal: controller.signal,
        requestId: resource.requestId,
        streamResponseStatusCodes: resource.streamResponseStatusCodes,
        // Set by the SDK's proxy policy when HTTPS_PROXY is configured: kept, or a proxied bot could not connect.
        agent: resource.agent,
        proxySettings: resource.proxySettings,
        // The SDK's own rule (its ServiceClient allows http: when the service URL is http:, e.g. the Emulator).
        allowInsecureConnection: resource.url.startsWith('http:'),
      });
      try {
        // The response names the request it was handed, as an HttpOperationResponse should: the SDK finds its
        // operation (and so turns a 4xx/5xx into a RestError) through that request.
        return { ...toCompatResponse(await inner.sendRequest(request)), request: resource };
      } catch (error) {
        if (!timedOut) throw error;
        // The path holds only the conversation id; the Authorization header is never put in a message.
        throw new AppError(
          'PLATFORM_TIMEOUT',
          `Bot Framework connector did not answer within ${timeoutMs} ms (${resource.method} ${new URL(resource.url).pathname})`,
          { cause: error },
        );
      } finally {
        clearTimeout(timer);
        resource.abortSignal?.removeEventListener('abort', abortIfCallerDoes);
      }
    },
  };
}
