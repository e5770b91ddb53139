// Types for fuses.mjs (used by test/packaging.test.ts).
import type { FuseV1Config } from '@electron/fuses'

export function fuseConfig(platform: string, arch: string): FuseV1Config & { resetAdHocDarwinSignature: boolean }
export function packedBinary(context: {
  electronPlatformName: string
  appOutDir: string
  packager: { appInfo: { productFilename: string }; executableName: string }
}): string
export function afterPack(context: unknown): Promise<void>
