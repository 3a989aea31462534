// Polling helper for the Slack tests: the adapter answers in the background after acking, so tests wait for the
// observable effect (a recorded Web API call) instead of sleeping a fixed time.
export async function until(condition: () => boolean, timeoutMs = 5000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Block Kit `blocks` as the SDK sent them (a JSON string inside the form body). */
export function blocksOf(body: Record<string, unknown>): Record<string, unknown>[] {
  const raw = body.blocks;
  if (typeof raw === 'string') return JSON.parse(raw) as Record<string, unknown>[];
  return Array.isArray(raw) ? (raw as Record<string, unknown>[]) : [];
}

/** Every button in the blocks: action_id and value. */
export function buttonsOf(body: Record<string, unknown>): { action_id: string; value: string }[] {
  return blocksOf(body).flatMap((block) =>
    block.type === 'actions'
      ? (block.elements as { type: string; action_id: string; value: string }[]).filter(
          (e) => e.type === 'button',
        )
      : [],
  );
}
