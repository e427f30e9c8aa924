// The types of compile.mjs, for the TypeScript that imports it (the tests).
export declare const ROOT: string;
export declare const DIST: string;
export declare function compiledPath(source: string): string;
export declare function compile(): Promise<string[]>;
