// Slack's Block Kit limits, asserted on a message: shared by the renderer tests and the adapter's integration tests
// (which check every payload the fake Web API receives).
import { expect } from '@jest/globals';
import type { KnownBlock } from '@slack/types';

/** Every text Slack will parse as mrkdwn, with where it sits. */
export function mrkdwnTexts(blocks: KnownBlock[]): string[] {
  return blocks.flatMap((block) => {
    if (block.type === 'section') return [block.text?.text ?? '', ...(block.fields ?? []).map((f) => f.text)];
    if (block.type === 'context') return block.elements.map((e) => ('text' in e ? e.text : ''));
    return [];
  });
}

/** Asserts every Block Kit limit the API enforces (docs.slack.dev/reference/block-kit). */
export function expectWithinSlackLimits(message: { text: string; blocks: KnownBlock[] }) {
  expect(message.text.length).toBeGreaterThan(0);
  expect(message.text.length).toBeLessThanOrEqual(3000);
  expect(message.blocks.length).toBeLessThanOrEqual(50);
  const actionIds: string[] = [];
  let tables = 0;
  for (const block of message.blocks) {
    switch (block.type) {
      case 'header':
        expect(block.text.text.length).toBeLessThanOrEqual(150);
        break;
      case 'section':
        expect(block.text || block.fields).toBeTruthy();
        if (block.text) expect(block.text.text.length).toBeLessThanOrEqual(3000);
        if (block.text) expect(block.text.text.length).toBeGreaterThan(0);
        expect((block.fields ?? []).length).toBeLessThanOrEqual(10);
        for (const field of block.fields ?? []) expect(field.text.length).toBeLessThanOrEqual(2000);
        break;
      case 'context':
        expect(block.elements.length).toBeLessThanOrEqual(10);
        for (const element of block.elements)
          if ('text' in element) expect(element.text.length).toBeLessThanOrEqual(3000);
        break;
      case 'image':
        expect(block.alt_text.length).toBeLessThanOrEqual(2000);
        expect((block.title?.text ?? '').length).toBeLessThanOrEqual(2000);
        expect('image_url' in block !== 'slack_file' in block).toBe(true);
        break;
      case 'table': {
        // One native table per message, ≤ 100 rows, ≤ 20 columns, every row as wide as the header.
        tables += 1;
        expect(block.rows.length).toBeGreaterThan(0);
        expect(block.rows.length).toBeLessThanOrEqual(100);
        const width = block.rows[0]!.length;
        expect(width).toBeLessThanOrEqual(20);
        for (const row of block.rows) {
          expect(row).toHaveLength(width);
          for (const cell of row) {
            expect(cell.type).toBe('raw_text');
            if (cell.type === 'raw_text') expect(cell.text.length).toBeGreaterThan(0);
          }
        }
        expect((block.column_settings ?? []).length).toBeLessThanOrEqual(width);
        break;
      }
      case 'context_actions':
        expect(block.elements.length).toBeLessThanOrEqual(5);
        for (const element of block.elements) {
          if (element.type !== 'feedback_buttons') throw new Error(`unexpected element ${element.type}`);
          for (const button of [element.positive_button, element.negative_button]) {
            expect(button.text.text.length).toBeLessThanOrEqual(75);
            expect(button.value.length).toBeLessThanOrEqual(2000);
          }
          expect(element.action_id!.length).toBeLessThanOrEqual(255);
          actionIds.push(element.action_id!);
        }
        break;
      case 'actions':
        expect(block.elements.length).toBeLessThanOrEqual(25);
        for (const element of block.elements) {
          if (element.type !== 'button') throw new Error(`unexpected element ${element.type}`);
          expect(element.text.text.length).toBeLessThanOrEqual(75);
          expect((element.value ?? '').length).toBeLessThanOrEqual(2000);
          expect(element.action_id!.length).toBeLessThanOrEqual(255);
          actionIds.push(element.action_id!);
        }
        break;
      default:
        throw new Error(`unexpected block ${block.type}`);
    }
  }
  expect(tables).toBeLessThanOrEqual(1);
  expect(new Set(actionIds).size).toBe(actionIds.length);
  // No raw `<` (mention / link syntax) and no `&` that is not one of our entities, anywhere Slack parses text.
  for (const text of [message.text, ...mrkdwnTexts(message.blocks)]) {
    expect(text).not.toMatch(/</);
    expect(text).not.toMatch(/&(?!amp;|lt;|gt;)/);
  }
}

/** Every Block Kit payload the fake Web API received (posts, updates, stream ends), checked against the limits. */
export function expectEveryPayloadWithinLimits(calls: { method: string; body: Record<string, unknown> }[]) {
  let checked = 0;
  for (const call of calls) {
    if (!['chat.postMessage', 'chat.update', 'chat.stopStream'].includes(call.method)) continue;
    const raw = call.body.blocks;
    const blocks = (typeof raw === 'string' ? JSON.parse(raw) : (raw ?? [])) as KnownBlock[];
    if (blocks.length === 0) continue;
    // A stream's end carries no text of its own (the streamed markdown is the message's text).
    const text = call.method === 'chat.stopStream' ? 'streamed' : String(call.body.text ?? '');
    expectWithinSlackLimits({ text, blocks });
    checked += 1;
  }
  return checked;
}
