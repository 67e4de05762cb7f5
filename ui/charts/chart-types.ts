/**
 * What a chart draws and how it is laid out: the data of its panels, its reference lines,
 * the geometry of the drawing, and what the hover marks (hover.ts) read of a drawn chart.
 * Types and constants only, shared by the chart element, its drawing and its hover code, so
 * that none of them imports another for these.
 */
import type { ScaleBand, ScaleLinear } from 'd3';

export interface Line {
  label: string;
  color: string;
  x: ArrayLike<number>;
  y: ArrayLike<number>;
  dashed?: boolean;
  /** What the line's points belong to (a run): another key means another run, drawn anew. Default: the x array itself. */
  key?: unknown;
}

/** A figure a panel states besides its marks (a percentile under a histogram): its label, value and text. */
export interface PanelFigure {
  /** The catalogue id it comes from. */
  id: string;
  label: string;
  value: number;
  text: string;
}

export interface Panel {
  title: string;
  lines?: Line[];
  /** A bar chart instead of lines: one bar per label. */
  bars?: { labels: string[]; values: number[]; color: string; label: string };
  /** A line of text under the panel title. */
  note?: string;
  /** Figures the note states, each labelled: the data table lists them too. */
  figures?: PanelFigure[];
}

export interface RefLine {
  value: number;
  label: string;
  /** A short label on the line; the full one then goes in the legend. */
  short?: string;
}

/** What an export says besides the chart: the structures, seed and days (see ExportMeta). */
export interface ChartContext {
  lines: string[];
  source: string;
}

/** Text size and line height of the drawing (the hover label's too). */
export const FONT = 11;
export const ROW = 14;
/** The colour of reference lines and their labels. */
export const REF_COLOUR = '#a51d2d';

/** Where the panels of a drawing go. */
export interface Geometry {
  W: number;
  H: number;
  cols: number;
  pw: number;
  ph: number;
  /** Height of the header of every panel (title, note, legend, unit). */
  head: number;
  left: number;
  gapX: number;
  gapY: number;
}

/** The scales and places of a drawn chart: set by each drawing, read by the hover marks. */
export interface DrawnLayout {
  readonly x: ScaleLinear<number, number>;
  readonly y: ScaleLinear<number, number>;
  readonly geo?: Geometry;
  /** Top left of each panel's plot, in the drawing's coordinates. */
  readonly plotOrigins: readonly { x: number; y: number }[];
  /** The bars' band scale, for a bar chart. */
  readonly band?: ScaleBand<string>;
}

/** What the hover marks read of the chart they belong to (the chart element is one). */
export interface HoverHost extends DrawnLayout {
  readonly svg: SVGSVGElement;
  readonly renderRoot: ParentNode;
  readonly panels: Panel[];
  readonly xLabel: string;
  readonly yLabel: string;
  readonly percent: boolean;
  /** The x value as the hover label heads it (default: the x label and the number). */
  readonly hoverX: ((x: number) => string) | undefined;
  /** A value as the chart writes it. */
  valueText(v: number): string;
}
