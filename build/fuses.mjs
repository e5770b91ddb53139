// Electron fuses (Electron security checklist #20), flipped in the packed binary after electron-builder packs the
// app and before it signs or wraps it into AppImage/deb/dmg/nsis. See https://www.electronjs.org/docs/latest/tutorial/fuses
import { join } from 'node:path'
import { flipFuses, FuseV1Options, FuseVersion } from '@electron/fuses'

/** The fuse settings for a platform/arch (electron-builder's Arch enum: 1 = x64, 3 = arm64, 4 = universal). */
export function fuseConfig(platform, arch) {
  return {
    version: FuseVersion.V1,
    // Flipping fuses breaks the ad-hoc signature every arm64 macOS binary needs to run.
    resetAdHocDarwinSignature: platform === 'darwin' && (arch === 'arm64' || arch === 'universal'),
    [FuseV1Options.RunAsNode]: false,
    [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
    [FuseV1Options.EnableNodeCliInspectArguments]: false,
    [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
    [FuseV1Options.OnlyLoadAppFromAsar]: true,
    [FuseV1Options.EnableCookieEncryption]: true,
  }
}

const ARCH_NAMES = { 0: 'ia32', 1: 'x64', 2: 'armv7l', 3: 'arm64', 4: 'universal' }

/** The Electron binary electron-builder just packed (where the fuse wire lives). */
export function packedBinary(context) {
  const platform = context.electronPlatformName
  const name = context.packager.appInfo.productFilename
  if (platform === 'darwin' || platform === 'mas') return join(context.appOutDir, `${name}.app`)
  if (platform === 'win32') return join(context.appOutDir, `${name}.exe`)
  return join(context.appOutDir, context.packager.executableName)
}

/** electron-builder's afterPack hook. */
export async function afterPack(context) {
  const arch = ARCH_NAMES[context.arch] ?? String(context.arch)
  await flipFuses(packedBinary(context), fuseConfig(context.electronPlatformName, arch))
}
