import { css } from 'lit';

/** The story's panel: step buttons, the step's text and quote, the question, the result, the teacher's notes. */
export const storyStyles = css`
  :host {
    display: block;
    border: 2px solid #1a5fb4;
    border-radius: 8px;
    padding: 0.6rem 0.9rem;
    margin: 0.5rem 0 0.75rem;
    background: #f6f9fe;
    line-height: 1.45;
  }
  [hidden] {
    display: none !important;
  }
  .sr {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
    margin: 0;
  }
  .bar {
    display: flex;
    flex-wrap: wrap;
    gap: 0.4rem 0.75rem;
    align-items: center;
  }
  .label {
    font-weight: 600;
    color: #1a5fb4;
  }
  ol {
    display: flex;
    flex-wrap: wrap;
    gap: 0.3rem;
    list-style: none;
    padding: 0;
    margin: 0;
  }
  button {
    font: inherit;
    padding: 0.25rem 0.65rem;
    border: 1px solid #1a1a1a;
    background: #fff;
    color: #1a1a1a;
    border-radius: 4px;
    cursor: pointer;
  }
  button:focus-visible,
  input:focus-visible,
  summary:focus-visible,
  h2:focus-visible {
    outline: 3px solid #e66100;
    outline-offset: 2px;
  }
  ol button {
    min-width: 2.2rem;
  }
  button:disabled {
    opacity: 0.55;
    cursor: default;
  }
  ol button[aria-current='step'] {
    background: #1a5fb4;
    color: #fff;
    border-color: #1a5fb4;
    font-weight: 600;
  }
  .leave {
    margin-left: auto;
  }
  h2 {
    font-size: 1.15rem;
    margin: 0.5rem 0 0.3rem;
  }
  p {
    margin: 0.35rem 0;
  }
  blockquote {
    margin: 0.5rem 0;
    padding: 0.3rem 0.7rem;
    border-left: 4px solid #c58a00;
    background: #fff;
  }
  blockquote p {
    margin: 0.15rem 0;
  }
  cite {
    display: block;
    font-size: 0.85rem;
    color: #333;
    font-style: normal;
  }
  fieldset {
    border: 1px solid #999;
    border-radius: 6px;
    margin: 0.5rem 0;
    padding: 0.3rem 0.7rem 0.5rem;
    background: #fff;
  }
  /* Floated: the question sits inside the box, not across its border. */
  legend {
    float: left;
    width: 100%;
    font-weight: 600;
    padding: 0;
    margin: 0.1rem 0 0.3rem;
  }
  .choices {
    clear: both;
    display: flex;
    flex-wrap: wrap;
    gap: 0.3rem 1.2rem;
  }
  .choices label {
    display: inline-flex;
    gap: 0.35rem;
    align-items: center;
    cursor: pointer;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: center;
    margin: 0.4rem 0;
  }
  .primary {
    background: #1a5fb4;
    color: #fff;
    border-color: #1a5fb4;
    font-weight: 600;
  }
  .result {
    background: #fff;
    border: 1px solid #2a7a2a;
    border-radius: 6px;
    padding: 0.3rem 0.7rem;
    margin: 0.5rem 0;
  }
  .result h3 {
    font-size: 1rem;
    margin: 0.2rem 0;
  }
  .fig {
    font-variant-numeric: tabular-nums;
  }
  .scroll {
    overflow-x: auto;
    max-width: 100%;
  }
  table {
    border-collapse: collapse;
    margin: 0.3rem 0;
    font-size: 0.92rem;
  }
  caption {
    text-align: left;
    font-size: 0.85rem;
    color: #333;
    padding-bottom: 0.2rem;
  }
  th,
  td {
    border-bottom: 1px solid #ccc;
    padding: 0.2rem 0.5rem;
    text-align: right;
    vertical-align: top;
  }
  th[scope='row'],
  thead th:first-child {
    text-align: left;
    font-weight: normal;
  }
  h3:focus-visible {
    outline: 3px solid #e66100;
    outline-offset: 2px;
  }
  .right {
    color: #1d5e1d;
    font-weight: 600;
  }
  .wrong {
    color: #8a3b00;
    font-weight: 600;
  }
  .changed {
    background: #fff4ce;
    border: 1px solid #c58a00;
    border-radius: 4px;
    padding: 0.3rem 0.6rem;
  }
  details {
    margin: 0.4rem 0;
  }
  summary {
    cursor: pointer;
    font-weight: 600;
  }
  nav.steps {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    justify-content: space-between;
    margin-top: 0.5rem;
  }
  .status {
    color: #333;
    font-variant-numeric: tabular-nums;
  }
  @media (max-width: 700px) {
    :host {
      padding: 0.5rem 0.6rem;
    }
    .leave {
      margin-left: 0;
    }
    h2 {
      font-size: 1.05rem;
    }
  }
`;
