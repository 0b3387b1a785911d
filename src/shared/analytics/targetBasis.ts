/** How the pages name whose targets a unit is judged by. */
export const OWN_TARGETS_LABEL = '本级规划目标';

/** 「本级规划目标」, or 「沿用大连市规划目标」 naming the ancestor whose targets stand in. */
export const targetBasisLabel = (basis: { source: 'own' | 'inherited'; orgUnit: { name: string } }): string =>
  basis.source === 'own' ? OWN_TARGETS_LABEL : `沿用${basis.orgUnit.name}规划目标`;
