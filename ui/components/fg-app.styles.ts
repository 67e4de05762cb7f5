import { css } from 'lit';

/** The app's page: header, messages, the structures and run controls, the tabs and the parameters (a drawer on a phone). */
export const appStyles = css`
  :host {
    display: block;
    max-width: 1500px;
    margin: 0 auto;
    padding: 0.5rem 1rem 2rem;
    color: #1a1a1a;
  }
  header.top {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 1rem;
    align-items: center;
    border-bottom: 2px solid #1a5fb4;
    padding-bottom: 0.4rem;
  }
  h1 {
    font-size: 1.4rem;
    margin: 0;
  }
  .subtitle {
    margin: 0;
    color: #333;
    flex: 1;
    min-width: 16rem;
  }
  button {
    font: inherit;
    padding: 0.3rem 0.7rem;
    border: 1px solid #1a1a1a;
    background: #fff;
    color: #1a1a1a;
    border-radius: 4px;
    cursor: pointer;
  }
  :host([embedded]) {
    padding: 0;
  }
  .embed-view {
    padding: 0.25rem 0.5rem;
  }
  .embed-source {
    font-size: 0.8rem;
    color: #333;
    margin: 0.25rem 0;
  }
  button:focus-visible,
  [role='tab']:focus-visible {
    outline: 3px solid #e66100;
    outline-offset: 2px;
  }
  .banner {
    background: #fff4ce;
    border: 1px solid #c58a00;
    padding: 0.5rem;
    border-radius: 4px;
    margin: 0.5rem 0;
    display: flex;
    gap: 1rem;
    align-items: center;
  }
  .error {
    background: #fdecec;
    border-color: #a00;
    color: #700;
  }
  .layout {
    display: grid;
    grid-template-columns: minmax(0, 1fr) 22rem;
    grid-template-areas: 'main params';
    gap: 1.25rem;
    margin-top: 0.5rem;
  }
  main {
    grid-area: main;
    min-width: 0;
  }
  /* First in the page's order (a few Tab presses away), shown on the right. */
  aside {
    grid-area: params;
  }
  @media (max-width: 1000px) {
    .layout {
      grid-template-columns: 1fr;
      grid-template-areas: 'main' 'params';
    }
  }
  aside {
    border-left: 1px solid #ccc;
    padding-left: 1rem;
  }
  @media (max-width: 1000px) {
    aside {
      border-left: none;
      padding-left: 0;
      border-top: 1px solid #ccc;
    }
  }
  [role='tablist'] {
    display: flex;
    gap: 0.25rem;
    border-bottom: 1px solid #999;
    margin: 0.5rem 0 0.75rem;
    flex-wrap: wrap;
  }
  [role='tab'] {
    font: inherit;
    padding: 0.4rem 0.9rem;
    border: 1px solid #999;
    border-bottom: none;
    border-radius: 5px 5px 0 0;
    background: #f2f2f2;
    cursor: pointer;
    color: #1a1a1a;
  }
  [role='tab'][aria-selected='true'] {
    background: #fff;
    font-weight: 600;
    border-color: #1a5fb4;
    box-shadow: inset 0 3px 0 #1a5fb4;
  }
  .exports {
    display: flex;
    gap: 0.5rem;
    align-items: center;
    justify-content: flex-end;
    margin-bottom: 0.5rem;
  }
  dialog {
    border: 2px solid #1a5fb4;
    border-radius: 8px;
    max-width: 32rem;
  }
  dialog table {
    border-collapse: collapse;
  }
  dialog td,
  dialog th {
    padding: 0.25rem 0.6rem;
    text-align: left;
  }
  kbd {
    border: 1px solid #999;
    border-radius: 3px;
    padding: 0 0.3rem;
    background: #f4f4f4;
    font-family: inherit;
  }
  .skip {
    position: absolute;
    left: -9999px;
  }
  .skip:focus {
    left: 1rem;
    top: 0.5rem;
    background: #fff;
    padding: 0.3rem;
    z-index: 10;
  }
  .sharebox {
    width: 100%;
    font: inherit;
  }
  nav.tools {
    display: flex;
    gap: 0.5rem;
    flex-wrap: wrap;
  }
  .story-start {
    background: #1a5fb4;
    color: #fff;
    border-color: #1a5fb4;
    font-weight: 600;
  }
  [hidden] {
    display: none !important;
  }
  .exports {
    justify-content: flex-start;
    margin-top: 0.5rem;
  }
  .params-toggle,
  .drawer-close {
    display: none;
  }
  @media (max-width: 700px) {
    :host {
      padding: 0.4rem 0.6rem 2rem;
    }
    h1 {
      font-size: 1.15rem;
    }
    .subtitle {
      font-size: 0.85rem;
      min-width: 0;
      flex-basis: 100%;
      order: 3;
    }
    .layout {
      display: block;
    }
    .params-toggle {
      display: block;
      width: 100%;
      margin: 0.25rem 0;
      background: #1a5fb4;
      color: #fff;
      border-color: #1a5fb4;
      text-align: left;
    }
    aside {
      position: fixed;
      inset: 0;
      z-index: 20;
      background: #fff;
      overflow-y: auto;
      padding: 0.75rem;
      border: none;
      visibility: hidden;
      transform: translateX(100%);
    }
    aside.open {
      visibility: visible;
      transform: none;
    }
    .drawer-close {
      display: block;
      margin-left: auto;
      position: sticky;
      top: 0;
      z-index: 1;
    }
    /* Eight views: tighter tabs keep their rows few, so a chart stays on a phone's first screen. */
    [role='tab'] {
      padding: 0.3rem 0.55rem;
      font-size: 0.9rem;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    * {
      transition: none !important;
      animation: none !important;
    }
  }
`;
