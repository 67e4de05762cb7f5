/**
 * The git commit the app was built from, which Vite writes into the build
 * (vite.config.ts), for run manifests and chart exports.
 */
declare const __FLATGOV_COMMIT__: string | undefined;

/** The commit the app was built from ("-dirty" with uncommitted changes), or "unknown" outside a Vite build. */
export const COMMIT: string = typeof __FLATGOV_COMMIT__ === 'string' ? __FLATGOV_COMMIT__ : 'unknown';
