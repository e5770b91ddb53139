// Types of find-browser.cjs, for playwright.config.ts and the tests (tsconfig.test.json).
export declare const SYSTEM_BROWSERS: string[]
export declare const INSTALL_HINT: string
export type BrowserChoice = { path: string; source: 'LECTERN_CHROMIUM' | 'playwright' | 'system'; error?: undefined } | { error: string; path?: undefined }
export declare function chooseBrowser(facts: { env: Record<string, string | undefined>; exists: (path: string) => boolean; playwrightPath: string | undefined }): BrowserChoice
export declare function playwrightChromiumPath(): string | undefined
export declare function findBrowser(env?: Record<string, string | undefined>): BrowserChoice
