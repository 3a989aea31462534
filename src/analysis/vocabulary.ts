// What a planner may ask of the tools, in the domain's own words: the data's catalog (campaigns, categories,
// date range), the breakdowns and time grains the tools accept, the budget change a simulation takes. agent/
// plans against this module and src/core only; it never reaches into the warehouse or the ML code.
export { BUDGET_CHANGE_RANGE } from '../ml/budget-simulation.js';
export type { Catalog } from '../warehouse/catalog.js';
export { createNameIndex, type NameIndex } from '../warehouse/name-index.js';
export type { Dimension, Grain } from '../warehouse/queries.js';
export { KPI_NEEDS } from '../warehouse/semantic-model.js';
