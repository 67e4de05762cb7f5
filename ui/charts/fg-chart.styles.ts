import { css } from 'lit';

/** The chart's look: header with its download menu, the drawing, the data table. */
export const chartStyles = css`
  /* Charts out of view are neither laid out nor painted while the run updates them. */
  :host {
    display: block;
    margin: 0 0 1.25rem;
    content-visibility: auto;
    contain-intrinsic-size: auto 320px;
  }
  header {
    display: flex;
    align-items: baseline;
    gap: 0.5rem 0.75rem;
    flex-wrap: wrap;
  }
  h3 {
    font-size: 1rem;
    margin: 0;
    flex: 1;
    min-width: 12rem;
  }
  button,
  summary {
    font: inherit;
    font-size: 0.8rem;
    padding: 0.15rem 0.5rem;
    border: 1px solid #767676;
    background: #fff;
    color: #1a1a1a;
    border-radius: 3px;
    cursor: pointer;
  }
  button:focus-visible,
  summary:focus-visible {
    outline: 3px solid #1a5fb4;
    outline-offset: 1px;
  }
  details.dl {
    position: relative;
  }
  details.dl summary {
    list-style: none;
  }
  details.dl summary::-webkit-details-marker {
    display: none;
  }
  details.dl[open] .menu {
    position: absolute;
    right: 0;
    z-index: 2;
    display: flex;
    gap: 0.3rem;
    padding: 0.3rem;
    background: #fff;
    border: 1px solid #767676;
    border-radius: 4px;
    margin-top: 0.2rem;
  }
  svg {
    display: block;
    width: 100%;
    height: auto;
    touch-action: pan-y;
  }
  svg:focus-visible {
    outline: 3px solid #1a5fb4;
    outline-offset: 2px;
  }
  svg:focus:not(:focus-visible) {
    outline: none;
  }
  .sr {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
  details.table {
    font-size: 0.8rem;
    margin-top: 0.2rem;
  }
  details.table summary {
    border: none;
    padding: 0.1rem 0;
    color: #1a1a1a;
    text-decoration: underline;
    display: inline-block;
  }
  .scroll {
    overflow-x: auto;
    max-height: 20rem;
    overflow-y: auto;
  }
  table {
    border-collapse: collapse;
    font-variant-numeric: tabular-nums;
  }
  th,
  td {
    padding: 0.1rem 0.5rem;
    border-bottom: 1px solid #ddd;
    text-align: right;
    white-space: nowrap;
  }
  th:first-child {
    text-align: left;
  }
  ul.figures {
    margin: 0 0 0.2rem;
    padding-left: 1.1rem;
    font-size: 0.85rem;
    color: #1a1a1a;
  }
`;
