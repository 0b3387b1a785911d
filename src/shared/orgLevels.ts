/** The org-unit tree's levels (市 → 区/县 → 街道/乡镇). Kept free of zod so the web app can import it cheaply. */
export const ORG_LEVELS = ['city', 'district', 'street'] as const;
export type OrgLevel = (typeof ORG_LEVELS)[number];

/** The level of a unit's children; a street has none. */
export const CHILD_LEVEL: Record<OrgLevel, OrgLevel | null> = { city: 'district', district: 'street', street: null };

/** The committee a new unit gets unless named otherwise. */
export const defaultCommitteeName = (unitName: string) => `${unitName}妇女儿童工作委员会`;
