// @leanprover/infoview 0.11's default settings (defaultInfoviewConfig), kept here so the host does not import the
// infoview's runtime. The type check keeps the keys in step with the installed version.
import type { InfoviewConfig } from '@leanprover/infoview'

export const DEFAULT_INFOVIEW_CONFIG: InfoviewConfig = {
  allErrorsOnLine: true,
  autoOpenShowsGoal: true,
  debounceTime: 50,
  expectedTypeVisibility: 'Expanded by default',
  showGoalNames: true,
  emphasizeFirstGoal: false,
  reverseTacticState: false,
  hideTypeAssumptions: false,
  hideInstanceAssumptions: false,
  hideInaccessibleAssumptions: false,
  hideLetValues: false,
  showTooltipOnHover: true,
  messageOrder: 'Sort by proximity to text cursor',
}

/** Saved settings over the defaults; keys of the wrong type fall back to the default. */
export function effectiveInfoviewConfig(saved: Record<string, unknown> | undefined): InfoviewConfig {
  const config: Record<string, unknown> = { ...DEFAULT_INFOVIEW_CONFIG }
  for (const [key, value] of Object.entries(saved ?? {})) {
    if (key in config && typeof value === typeof config[key]) config[key] = value
  }
  return config as unknown as InfoviewConfig
}
