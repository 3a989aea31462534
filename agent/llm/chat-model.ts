// The chat model behind the LLM planner and composer: ChatOpenAI on the Chat Completions API, so it works
// with OpenAI, Azure OpenAI (v1 endpoint) and any OpenAI-compatible server given its base URL.
import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import { ChatOpenAI } from '@langchain/openai';

export interface LlmSettings {
  apiKey?: string;
  baseUrl?: string;
  model: string;
}

export interface ChatModelOptions {
  /** Per HTTP request; the planner and composer also enforce their own overall deadline. */
  timeoutMs: number;
  /** Retries inside one call (default 1): more would only delay the offline fallback. */
  maxRetries?: number;
}

const OPENAI_BASE_URL = 'https://api.openai.com/v1';

export function createChatModel(llm: LlmSettings, options: ChatModelOptions): BaseChatModel {
  const baseURL = llm.baseUrl ?? OPENAI_BASE_URL;
  return new ChatOpenAI({
    model: llm.model,
    // Always explicit: otherwise ChatOpenAI and the openai client read the environment themselves, and only
    // src/config.ts may do that. A keyless local server accepts any placeholder.
    apiKey: llm.apiKey ?? 'not-set',
    temperature: 0,
    timeout: options.timeoutMs,
    maxRetries: options.maxRetries ?? 1,
    // Answers are checked (arguments, grounding) before anyone sees them: token streaming buys nothing, and
    // without it every call is one plain JSON request, even under LangGraph's streaming modes.
    disableStreaming: true,
    useResponsesApi: false,
    configuration: {
      baseURL,
      // Azure OpenAI authenticates with an `api-key` header; other servers ignore it.
      ...(isAzure(baseURL) && llm.apiKey ? { defaultHeaders: { 'api-key': llm.apiKey } } : {}),
    },
  }) as unknown as BaseChatModel;
}

function isAzure(baseUrl: string): boolean {
  try {
    const host = new URL(baseUrl).hostname;
    return host.endsWith('.openai.azure.com') || host.endsWith('.cognitiveservices.azure.com');
  } catch {
    return false;
  }
}
