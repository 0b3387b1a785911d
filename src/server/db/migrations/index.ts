import type { Migration, MigrationProvider } from 'kysely';
import * as m0001 from './0001_foundation';
import * as m0002 from './0002_monitoring';
import * as m0003 from './0003_analytics';
import * as m0004 from './0004_values_by_unit';
import * as m0005 from './0005_age_groups';
import * as m0006 from './0006_seat_of_value';
import * as m0007 from './0007_publishing';
import * as m0008 from './0008_surveys';
import * as m0009 from './0009_api_tokens';
import * as m0010 from './0010_plan_target_links';
import * as m0011 from './0011_survey_bank';
import * as m0012 from './0012_workitems';
import * as m0013 from './0013_followup_reminders';
import * as m0016 from './0016_plan_revisions';
import * as m0017 from './0017_plan_filing';
import * as m0020 from './0020_department_identity';
import * as m0021 from './0021_unit_reports';
import * as m0022 from './0022_evaluation';
import * as m0023 from './0023_plan_responsibilities';
import * as m0024 from './0024_report_documents';
import * as m0025 from './0025_evaluation_site_checks';
import * as m0026 from './0026_work_points';
import * as m0027 from './0027_evaluation_report_documents';
import * as m0028 from './0028_evaluation_closing_report_figures';
import * as m0029 from './0029_supervised_work_points';
import * as m0030 from './0030_one_open_implementation_plan';
import * as m0031 from './0031_department_surveys';
import * as m0032 from './0032_evaluation_weights';

/** Migrations live in code, in order; names are permanent once released. */
const migrations: Record<string, Migration> = {
  '0001_foundation': m0001,
  '0002_monitoring': m0002,
  '0003_analytics': m0003,
  '0004_values_by_unit': m0004,
  '0005_age_groups': m0005,
  '0006_seat_of_value': m0006,
  '0007_publishing': m0007,
  '0008_surveys': m0008,
  '0009_api_tokens': m0009,
  '0010_plan_target_links': m0010,
  '0011_survey_bank': m0011,
  '0012_workitems': m0012,
  '0013_followup_reminders': m0013,
  '0016_plan_revisions': m0016,
  '0017_plan_filing': m0017,
  '0020_department_identity': m0020,
  '0021_unit_reports': m0021,
  '0022_evaluation': m0022,
  '0023_plan_responsibilities': m0023,
  '0024_report_documents': m0024,
  '0025_evaluation_site_checks': m0025,
  '0026_work_points': m0026,
  '0027_evaluation_report_documents': m0027,
  '0028_evaluation_closing_report_figures': m0028,
  '0029_supervised_work_points': m0029,
  '0030_one_open_implementation_plan': m0030,
  '0031_department_surveys': m0031,
  '0032_evaluation_weights': m0032,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
