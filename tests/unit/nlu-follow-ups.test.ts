// Follow-ups change the previous call (category, percentage, direction and count, dates, metric, campaign)
// and keep the rest; a new intent starts afresh; without a previous turn the text is a fresh question.
import { describe, expect, test } from '@jest/globals';
import { planOffline } from '../../agent/nlu/offline-planner.js';
import type { PreviousTurn } from '../../src/analysis/plan.js';
import { SAMPLE_CATALOG } from '../eval/catalog-fixture.js';

const plan = (text: string, previous?: PreviousTurn) =>
  planOffline({ text, previous, catalog: SAMPLE_CATALOG });
const RANK: PreviousTurn = {
  intent: 'kpi_qa',
  calls: [
    { tool: 'rank_campaigns', args: { metric: 'roi', direction: 'top', limit: 5, category: 'social' } },
  ],
};
const SIMULATION: PreviousTurn = {
  intent: 'budget_simulation',
  calls: [{ tool: 'simulate_budget', args: { budget_increase_pct: 20, category: 'social' } }],
};
const TREND: PreviousTurn = {
  intent: 'kpi_qa',
  calls: [{ tool: 'kpi_trend', args: { metric: 'ctr', grain: 'day', campaign_name: 'google_hot' } }],
};

describe('follow-ups', () => {
  test('« et pour search ? » replaces the category', () => {
    expect(plan('et pour search ?', SIMULATION).calls).toEqual([
      { tool: 'simulate_budget', args: { budget_increase_pct: 20, category: 'search' } },
    ]);
  });

  test('« et pour toutes les catégories ? » sets the simulation back to all', () => {
    expect(plan('et pour toutes les catégories ?', SIMULATION).calls[0]?.args.category).toBe('all');
    expect(plan('and overall?', RANK).calls[0]?.args).toEqual({ metric: 'roi', direction: 'top', limit: 5 });
  });

  test('« et avec +30 % ? » and « et avec une baisse de 10 % ? » change the percentage', () => {
    expect(plan('et avec +30 % ?', SIMULATION).calls[0]?.args.budget_increase_pct).toBe(30);
    expect(plan('et avec une baisse de 10 % ?', SIMULATION).calls[0]?.args.budget_increase_pct).toBe(-10);
  });

  test('an out-of-range percentage is not applied', () => {
    expect(plan('et avec +900 % ?', SIMULATION).calls[0]?.args.budget_increase_pct ?? 20).toBe(20);
  });

  test('"what about the bottom 3?" keeps the metric and category', () => {
    const result = plan('what about the bottom 3?', RANK);
    expect(result.language).toBe('en');
    expect(result.calls[0]?.args).toEqual({
      metric: 'roi',
      direction: 'bottom',
      limit: 3,
      category: 'social',
    });
  });

  test('« et en février ? » adds the date range', () => {
    expect(plan('et en février ?', RANK).calls[0]?.args).toMatchObject({
      date_from: '2021-02-01',
      date_to: '2021-02-28',
      category: 'social',
    });
  });

  test('a cost metric flips the direction unless one is said', () => {
    expect(plan('et en CPL ?', RANK).calls[0]?.args).toMatchObject({ metric: 'cpl', direction: 'bottom' });
    expect(plan('et les pires en CPL ?', RANK).calls[0]?.args).toMatchObject({
      metric: 'cpl',
      direction: 'top',
    });
  });

  test('a campaign replaces the campaign of a trend; a category replaces it', () => {
    expect(plan('et pour google_wide ?', TREND).calls[0]?.args).toEqual({
      metric: 'ctr',
      grain: 'day',
      campaign_name: 'google_wide',
    });
    expect(plan('et pour social ?', TREND).calls[0]?.args).toEqual({
      metric: 'ctr',
      grain: 'day',
      category: 'social',
    });
  });

  test('a new intent is a fresh question', () => {
    const result = plan('et les campagnes sous-performantes ?', RANK);
    expect(result.intent).toBe('diagnostic');
    expect(result.calls[0]?.tool).toBe('get_underperforming_campaigns');
  });

  test('a full question after a previous turn is planned afresh', () => {
    expect(plan('Top 3 des campagnes par CTR', SIMULATION).calls).toEqual([
      { tool: 'rank_campaigns', args: { metric: 'ctr', direction: 'top', limit: 3 } },
    ]);
  });

  test('without a previous turn a bare follow-up gets help with low confidence', () => {
    const result = plan('et pour search ?');
    expect(result.intent).toBe('help');
    expect(result.calls).toEqual([]);
    expect(result.confidence).toBeLessThan(0.8);
  });

  test('follow-up arguments stay within the tool (a segmentation has no category)', () => {
    const previous: PreviousTurn = {
      intent: 'segmentation',
      calls: [{ tool: 'segment_campaigns', args: {} }],
    };
    expect(plan('et pour search ?', previous).calls.every((call) => !('category' in call.args))).toBe(true);
  });
});
