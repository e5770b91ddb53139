// Finds the Lean server command for a project and explains, in one sentence, what is missing when there is none.
export type {
  DetectionStep,
  DetectOptions,
  ProjectInfo,
  ProjectKind,
  ServerCommandPlan,
  ToolchainStatus,
  ToolPaths,
} from './types'
export { resolveProjectRoot } from './project-root'
export { planServerCommand, SERVER_COMMAND_ENV } from './plan'
export { ELAN_INSTALL_COMMAND } from './detect'
export { formatCommandLine, shellQuote, splitCommandLine } from './command-line'
export { describeLakeServeFailure } from './lake-serve-failure'
export { setupReport } from './setup-report'
