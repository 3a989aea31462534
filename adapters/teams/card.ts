// The subset of Adaptive Card 1.5 the Teams renderer emits (adaptivecards.io/explorer), typed so a misspelt
// property is a compile error rather than an element Teams silently drops.
export interface TextBlock {
  type: 'TextBlock';
  text: string;
  wrap: true;
  size?: 'Small' | 'Default' | 'Medium' | 'Large';
  weight?: 'Bolder' | 'Default';
  isSubtle?: boolean;
  color?: 'Default' | 'Attention' | 'Warning' | 'Good' | 'Accent';
  style?: 'heading' | 'default';
  horizontalAlignment?: 'Left' | 'Right';
  spacing?: 'None' | 'Small' | 'Medium';
}

export interface FactSet {
  type: 'FactSet';
  facts: { title: string; value: string }[];
}

export interface Image {
  type: 'Image';
  id: string;
  url: string;
  altText: string;
  size: 'Stretch';
}

export interface TableCell {
  type: 'TableCell';
  items: TextBlock[];
}

export interface Table {
  type: 'Table';
  columns: { width: number }[];
  rows: { type: 'TableRow'; cells: TableCell[] }[];
  firstRowAsHeader: true;
  gridStyle?: 'accent' | 'default';
}

export interface Container {
  type: 'Container';
  style: 'warning' | 'emphasis';
  items: TextBlock[];
}

export type CardElement = TextBlock | FactSet | Image | Table | Container;

export interface SubmitAction {
  type: 'Action.Submit';
  title: string;
  data: { kind: string; value: string; answerId?: string };
}

export interface AdaptiveCard {
  type: 'AdaptiveCard';
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json';
  version: '1.5';
  body: CardElement[];
  actions?: SubmitAction[];
  /** Teams: use the full message width, which tables need. */
  msteams: { width: 'Full' };
}
