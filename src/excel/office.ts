/**
 * The narrow slice of the Excel JavaScript API this add-in uses — and nothing else.
 *
 * Names and casing mirror Office.js exactly (`getUsedRangeOrNullObject`, `autofitColumns`, …), so the
 * real `Excel.RequestContext` satisfies these shapes at run time and the in-memory fake
 * (test/support/fake-excel.ts) only has to implement what is listed here. Every property read needs a
 * `load()` of that property and a `sync()` first (the fake enforces it; Office.js does too).
 *
 * Requirement sets (ExcelApi) per member are noted where above 1.1; see docs in src/excel/index.ts.
 */

/** A proxy object whose scalar properties must be loaded before being read. */
export interface Loadable {
  load(props: string): unknown;
}

export interface FontLike {
  bold: boolean;
  italic: boolean;
  color: string;
  size: number;
  name: string;
  /** "None" | "Single" | … */
  underline: string;
}

export interface FillLike {
  color: string;
}

export interface BorderLike {
  style: string;
  color: string;
}

export interface RangeFormatLike {
  font: FontLike;
  fill: FillLike;
  horizontalAlignment: string;
  verticalAlignment: string;
  wrapText: boolean;
  columnWidth: number;
  rowHeight: number;
  borders: { getItem(index: string): BorderLike };
  autofitRows(): void;
  /** ExcelApi 1.2. */
  protection: { locked: boolean };
}

export interface HyperlinkLike {
  address?: string;
  documentReference?: string;
  screenTip?: string;
  textToDisplay?: string;
}

export interface DataValidationRuleLike {
  list?: { inCellDropDown: boolean; source: string };
  wholeNumber?: { formula1: number | string; formula2?: number | string; operator: string };
  decimal?: { formula1: number | string; formula2?: number | string; operator: string };
}

export interface DataValidationLike {
  rule: DataValidationRuleLike;
  prompt: { showPrompt: boolean; title: string; message: string };
  errorAlert: { showAlert: boolean; style: string; title: string; message: string };
}

/** ExcelApi 1.6. */
export interface ConditionalFormatLike extends Loadable {
  readonly id: string;
  readonly type: string;
  custom: {
    rule: Loadable & { formula: string };
    format: { fill: FillLike; font: FontLike };
  };
  delete(): void;
}

export interface ConditionalFormatCollectionLike extends Loadable {
  readonly items: ConditionalFormatLike[];
  add(type: string): ConditionalFormatLike;
}

export interface RangeLike extends Loadable {
  readonly address: string;
  readonly rowIndex: number;
  readonly columnIndex: number;
  readonly rowCount: number;
  readonly columnCount: number;
  readonly isNullObject: boolean;
  values: unknown[][];
  readonly valueTypes: string[][];
  formulas: unknown[][];
  numberFormat: unknown[][];
  format: RangeFormatLike;
  /** ExcelApi 1.7. */
  hyperlink: HyperlinkLike;
  /** ExcelApi 1.8. */
  dataValidation: DataValidationLike;
  /** ExcelApi 1.6. */
  conditionalFormats: ConditionalFormatCollectionLike;
  merge(across?: boolean): void;
  select(): void;
  getCell(row: number, column: number): RangeLike;
}

/** ExcelApi 1.9 (multi-area ranges): used to highlight many cells with one conditional format. */
export interface RangeAreasLike {
  conditionalFormats: ConditionalFormatCollectionLike;
}

export interface NamedItemLike extends Loadable {
  readonly isNullObject: boolean;
  readonly name: string;
  readonly comment: string;
}

export interface NamedItemCollectionLike {
  /** ExcelApi 1.4. */
  add(name: string, reference: RangeLike | string, comment?: string): NamedItemLike;
  getItemOrNullObject(name: string): NamedItemLike;
}

export interface ChartSeriesLike {
  name: string;
  /** ExcelApi 1.7. */
  setXAxisValues(source: RangeLike): void;
  setValues(source: RangeLike): void;
}

export interface ChartLike {
  name: string;
  title: { text: string; visible: boolean };
  legend: { visible: boolean; position: string };
  axes?: unknown;
  series: { getItemAt(index: number): ChartSeriesLike; add(name?: string): ChartSeriesLike };
  setPosition(startCell: RangeLike | string, endCell?: RangeLike | string): void;
}

export interface TableLike {
  name: string;
  style: string;
  showBandedRows: boolean;
}

export interface WorksheetLike extends Loadable {
  name: string;
  readonly isNullObject: boolean;
  readonly position: number;
  visibility: string;
  names: NamedItemCollectionLike;
  tables: { add(address: RangeLike | string, hasHeaders: boolean): TableLike };
  charts: { add(type: string, sourceData: RangeLike, seriesBy?: string): ChartLike };
  /** ExcelApi 1.7. */
  freezePanes: {
    freezeRows(count: number): void;
    freezeColumns(count: number): void;
    freezeAt(range: RangeLike | string): void;
  };
  /** ExcelApi 1.9. */
  pageLayout: {
    orientation: string;
    paperSize: string;
    zoom: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number };
    centerHorizontally: boolean;
    setPrintTitleRows(rows: RangeLike | string): void;
  };
  /** ExcelApi 1.2. */
  protection: { protect(options?: Record<string, boolean>): void };
  getRange(address?: string): RangeLike;
  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): RangeLike;
  /** ExcelApi 1.9. */
  getRanges(address: string): RangeAreasLike;
  /** ExcelApi 1.4. */
  getUsedRangeOrNullObject(valuesOnly?: boolean): RangeLike;
  activate(): void;
  delete(): void;
}

export interface WorksheetCollectionLike extends Loadable {
  readonly items: WorksheetLike[];
  add(name?: string): WorksheetLike;
  getItem(name: string): WorksheetLike;
  /** ExcelApi 1.4. */
  getItemOrNullObject(name: string): WorksheetLike;
  getActiveWorksheet(): WorksheetLike;
}

export interface WorkbookLike {
  worksheets: WorksheetCollectionLike;
  application: { suspendApiCalculationUntilNextSync(): void };
}

export interface ExcelContextLike {
  workbook: WorkbookLike;
  sync(): Promise<void>;
}

/** `Office.context.document.settings` (Common API, all Excel platforms). */
export interface DocumentSettingsLike {
  get(name: string): unknown;
  set(name: string, value: unknown): void;
  remove(name: string): void;
  saveAsync(callback?: (result: { status: string; error?: { message: string; code?: number } }) => void): void;
}
