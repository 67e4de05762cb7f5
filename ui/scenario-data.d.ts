/** The plain data the app takes from the scenario schema (see tools/scenario-data-plugin.ts). */
declare module 'virtual:scenario-data' {
  type Data = import('../scenarios/appData.ts').AppScenarioData;
  export const fields: Data['fields'];
  export const presetIds: Data['presetIds'];
  export const defaultPreset: Data['defaultPreset'];
  export const presets: Data['presets'];
}
