// comlink's Node adapter, typed as its own .d.ts declares it (re-exported under the .mjs name).
declare module 'comlink/dist/esm/node-adapter.mjs' {
  export { default } from 'comlink/dist/esm/node-adapter';
}
