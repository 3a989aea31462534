// Plain data shapes shared by every layer: a bound SQL value and a result row as drivers return them.

/** A bound parameter value. Dates travel as 'YYYY-MM-DD' strings and are CAST in SQL. */
export type SqlValue = string | number | boolean | null;

/** A cell as every driver returns it: numbers as JS numbers (never bigint, never NaN/Infinity), dates as 'YYYY-MM-DD'. */
export type Cell = string | number | boolean | null;
export type Row = Record<string, Cell>;
