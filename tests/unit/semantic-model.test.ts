// The semantic model file: what it accepts (columns, sums, absent measures, dates by parts), what it refuses with a
// French message (a date format that would collapse months, no campaign, a dimension named like SQL), and the old
// rename-only mapping (converted, or pointed to the right setting).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { AppError, userMessage } from '../../src/core/errors.js';
import { loadMapping, modelFromMapping } from '../../src/warehouse/mapping.js';
import { createNameIndex } from '../../src/warehouse/name-index.js';
import { loadModel, modelToYaml, parseModel } from '../../src/warehouse/semantic-model.js';

function refused(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }
  throw new Error('expected a refusal');
}

const BASE = 'dimensions: { campaign: Campaign }\nmeasures: { spend: Cost }\n';

describe('a valid model', () => {
  test('columns, a sum of columns, one column feeding two measures, absent measures, labels', () => {
    const model = parseModel(
      [
        'dimensions:',
        '  campaign: Campaign',
        '  category: { column: Channel, label: { fr: Canal, en: Channel }, synonyms: [canal] }',
        '  placement: Placement',
        'measures:',
        '  spend: Cost',
        '  clicks: [Link clicks, Other clicks]',
        '  leads: Results',
        '  conversions: Results',
        '  revenue: null',
        'time: { column: Day, format: "%d/%m/%Y" }',
        'currency: EUR',
      ].join('\n'),
      'model.yml',
    );
    expect(model.campaign).toEqual({ column: 'Campaign' });
    expect(
      model.dimensions.map((dimension) => [dimension.name, dimension.column, dimension.label.fr]),
    ).toEqual([
      ['category', 'Channel', 'Canal'],
      ['placement', 'Placement', 'emplacement'],
    ]);
    expect(model.measures).toEqual({
      impressions: null,
      clicks: ['Link clicks', 'Other clicks'],
      mark_spent: ['Cost'],
      leads: ['Results'],
      orders: ['Results'],
      revenue: null,
    });
    expect(model.time).toEqual({ kind: 'date', column: 'Day', format: '%d/%m/%Y' });
    expect(model.currency).toBe('EUR');
    // Written back and read again: the same model.
    expect(parseModel(modelToYaml(model), 'again.yml')).toEqual(model);
  });

  test('time by parts with a stated year, or none', () => {
    expect(parseModel(`${BASE}time: { year: 2021, month: Mois, day: Jour }`, 'm.yml').time).toEqual({
      kind: 'parts',
      year: 2021,
      month: 'Mois',
      day: 'Jour',
    });
    expect(parseModel(`${BASE}time: none`, 'm.yml').time).toEqual({ kind: 'none' });
    expect(parseModel(BASE, 'm.yml').time).toEqual({ kind: 'none' });
  });
});

describe('refusals in French', () => {
  test('date_format "%d" alone is refused: months would collapse', () => {
    const error = refused(() => parseModel(`${BASE}time: { column: Day, format: "%d" }`, 'bad.yml'));
    expect(error.code).toBe('MODEL_INVALID');
    const shown = userMessage(error);
    expect(shown).toContain('Le modèle sémantique des données est invalide');
    expect(shown).toContain('bad.yml');
    expect(shown).toContain(
      "le format de date « %d » ne contient pas le mois (%m, %b ou %B), l'année (%Y ou %y)",
    );
  });

  test('the old mapping with date_format "%d" is refused too', () => {
    const dir = mkdtempSync(join(tmpdir(), 'model-'));
    try {
      const file = join(dir, 'mapping.yaml');
      writeFileSync(file, 'date_format: "%d"\n');
      const error = refused(() => loadMapping(file));
      expect(error.code).toBe('MAPPING_INVALID');
      expect(error.message).toContain('every date would fall into one month');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('no campaign dimension, an unknown measure, a dimension named like SQL', () => {
    expect(userMessage(refused(() => parseModel('dimensions: { channel: Channel }\n', 'a.yml')))).toContain(
      'la dimension campaign est obligatoire',
    );
    expect(userMessage(refused(() => parseModel(`${BASE.replace('spend', 'profit')}`, 'b.yml')))).toContain(
      'mesure inconnue « profit »',
    );
    expect(
      userMessage(refused(() => parseModel('dimensions: { campaign: C, select: S }\n', 'c.yml'))),
    ).toContain('nom de dimension « select » refusé');
    expect(
      userMessage(refused(() => parseModel('dimensions: { campaign: C, roi: S }\n', 'd.yml'))),
    ).toContain('nom de dimension « roi » refusé');
    expect(
      userMessage(refused(() => parseModel(`${BASE}time: { column: D, format: "%d'; DROP" }`, 'e.yml'))),
    ).toContain('time');
  });

  test('an old mapping given as MODEL_PATH gets a migration message', () => {
    const error = refused(() => parseModel('columns: { cost: mark_spent }\n', 'old.yml'));
    expect(userMessage(error)).toContain(
      "C'est un ancien fichier de mapping (columns:) : passez-le par MAPPING_PATH",
    );
  });

  test('a missing model file names it', () => {
    expect(userMessage(refused(() => loadModel('/nonexistent/model.yml')))).toContain(
      '/nonexistent/model.yml (introuvable ou illisible)',
    );
  });
});

describe('the old mapping keeps working: converted to a model', () => {
  test('renamed columns become the model, every canonical column required', () => {
    const model = modelFromMapping(
      'f.csv',
      { columns: { cost: 'mark_spent', channel: 'category', day: 'c_date', campaign: 'campaign_name' } },
      ['day', 'campaign', 'channel', 'impressions', 'cost', 'clicks', 'leads', 'orders', 'revenue'],
    );
    expect(model.campaign.column).toBe('campaign');
    expect(model.dimensions[0]).toMatchObject({ name: 'category', column: 'channel' });
    expect(model.measures.mark_spent).toEqual(['cost']);
    expect(model.time).toEqual({ kind: 'date', column: 'day', format: undefined });
  });
});

describe('the name index', () => {
  const names = Array.from(
    { length: 100_000 },
    (_, i) => `youtube_tier${i % 3}_${String(i).padStart(6, '0')}`,
  );
  const index = createNameIndex([...names, 'facebOOK_tier2', 'Été_promo']);

  test('exact matches ignore case and accents, at 100k names', () => {
    expect(index.size).toBe(100_002);
    expect(index.exact('YOUTUBE_TIER0_000003')).toBe('youtube_tier0_000003');
    expect(index.exact('facebook_tier2')).toBe('facebOOK_tier2');
    expect(index.exact('ete_promo')).toBe('Été_promo');
    expect(index.exact('nothing')).toBeUndefined();
  });

  test('a typo finds the close names (how fast: npm run bench -- names)', () => {
    expect(index.close('youtube_tier1_00004')[0]).toBe('youtube_tier1_000004');
    expect(index.close('facebok_tier2')[0]).toBe('facebOOK_tier2');
    for (let i = 0; i < 50; i++)
      expect(index.close(`youtub_tier2_${String(i * 3 + 2).padStart(6, '0')}`)[0]).toBe(
        `youtube_tier2_${String(i * 3 + 2).padStart(6, '0')}`,
      );
  });
});
