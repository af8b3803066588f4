/** The library version; all packages share it (lerna fixed mode). A unit test keeps it in step with package.json. */
export const VERSION = '0.1.0';
