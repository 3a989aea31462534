// What the data contains: campaigns, categories and the date range. Read once per KPI build and cached, so
// tools can check a category or a campaign name (and suggest close ones) without a query each time.
import { catalogQuery } from './queries.js';
import type { Warehouse } from './warehouse.js';

export interface Catalog {
  campaigns: { campaignName: string; category: string }[];
  categories: string[];
  firstDay: string | null;
  lastDay: string | null;
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

async function readCatalog(warehouse: Warehouse): Promise<Catalog> {
  const result = await warehouse.select(catalogQuery());
  const campaigns = result.rows.map((row) => ({
    campaignName: String(row.campaign_name),
    category: String(row.category),
  }));
  const days = result.rows
    .flatMap((row) => [row.first_day, row.last_day])
    .filter((day): day is string => typeof day === 'string');
  days.sort();
  return {
    campaigns,
    categories: [...new Set(campaigns.map((campaign) => campaign.category))].sort(),
    firstDay: days[0] ?? null,
    lastDay: days.at(-1) ?? null,
  };
}
