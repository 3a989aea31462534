// What the data contains: campaigns (every one: read page by page, never capped), categories, the model's other
// dimensions, which measures exist, and the date range. Read once per KPI build and cached, with a name index, so
// tools check a category or a campaign name (and suggest close ones) in O(1) / O(posting lists), not per name.

import { dimensionColumns } from './kpi.js';
import { createNameIndex, type NameIndex } from './name-index.js';
import { catalogCategoriesQuery, catalogFactsQuery, catalogPageQuery, dailyShapeQuery } from './queries.js';
import { MEASURES, type Measure } from './semantic-model.js';
import type { Warehouse } from './warehouse.js';

export interface Catalog {
  campaigns: { campaignName: string; category: string }[];
  categories: string[];
  firstDay: string | null;
  lastDay: string | null;
  /** The campaign name index (exact + typo); built from `campaigns` when absent. */
  names?: NameIndex;
  /** For each measure, whether the data has it (absent, or zero everywhere, = false). Absent = all present. */
  measures?: Record<Measure, boolean>;
  /** The model dimensions kept in the per-day table besides category (placement, age, …). */
  dimensions?: string[];
}

export interface CatalogProvider {
  get(): Promise<Catalog>;
  /** Forget the cached catalog (after a data load or a KPI build). */
  invalidate(): void;
}

export function createCatalogProvider(warehouse: Warehouse): CatalogProvider {
  let cached: Promise<Catalog> | undefined;
  return {
    get() {
      cached ??= readCatalog(warehouse).catch((error: unknown) => {
        cached = undefined; // a failed read is retried next time, not cached
        throw error;
      });
      return cached;
    },
    invalidate() {
      cached = undefined;
    },
  };
}

/** The catalog's name index (built lazily for catalogs written by hand). */
export function nameIndexOf(catalog: Catalog): NameIndex {
  catalog.names ??= createNameIndex(catalog.campaigns.map((campaign) => campaign.campaignName));
  return catalog.names;
}

/** Whether a measure exists in the data (true for catalogs that do not say). */
export function hasMeasure(catalog: Catalog, measure: Measure): boolean {
  return catalog.measures?.[measure] ?? true;
}

const PAGE = 5_000;

async function readCatalog(warehouse: Warehouse): Promise<Catalog> {
  const campaigns: { campaignName: string; category: string }[] = [];
  let after: string | null = null;
  for (;;) {
    const page = await warehouse.select(catalogPageQuery({ after, limit: PAGE }));
    for (const row of page.rows)
      campaigns.push({
        campaignName: String(row.campaign_name),
        category: row.category === null ? '' : String(row.category),
      });
    if (page.rows.length < PAGE) break;
    after = campaigns.at(-1)!.campaignName;
  }
  const facts = (await warehouse.select(catalogFactsQuery())).rows[0] ?? {};
  const shape = await warehouse.select(dailyShapeQuery());
  const categories = (await warehouse.select(catalogCategoriesQuery())).rows.map((row) =>
    String(row.category),
  );
  const measures = Object.fromEntries(
    MEASURES.map((measure) => [measure, Number(facts[`${measure}_n`] ?? 0) > 0]),
  ) as Record<Measure, boolean>;
  const day = (value: unknown) => (typeof value === 'string' ? value : null);
  return {
    campaigns,
    categories,
    firstDay: day(facts.first_day),
    lastDay: day(facts.last_day),
    names: createNameIndex(campaigns.map((campaign) => campaign.campaignName)),
    measures,
    dimensions: dimensionColumns(shape.columns.map((column) => column.name)),
  };
}
