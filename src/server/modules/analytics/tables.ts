/** A warning someone acknowledged, by the warning's key (analytics computes warnings, it stores only these). */
export interface WarningAcksTable {
  key: string;
  org_unit_id: number;
  comment: string;
  acknowledged_by: number | null;
  acknowledged_at: string;
}

export interface AnalyticsTables {
  warning_acks: WarningAcksTable;
}
