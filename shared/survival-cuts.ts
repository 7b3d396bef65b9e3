/** The cuts the survival curves can be compared by (docs/decisions/124): the `survivalCut` parameter. */
export const SURVIVAL_CUTS = ["programme", "phase", "region", "targetGroup", "artForm"] as const;
export type SurvivalCut = (typeof SURVIVAL_CUTS)[number];

export function isSurvivalCut(value: unknown): value is SurvivalCut {
  return (SURVIVAL_CUTS as readonly unknown[]).includes(value);
}
