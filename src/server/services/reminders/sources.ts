import { followupReminders } from '../../modules/followup/reminders';
import { filingReminders } from '../../modules/plans/filing/reminders';
import { reportingReminders } from '../../modules/reporting/reminders';
import { workitemsReminders } from '../../modules/workitems/reminders';
import { implementationReminders } from '../../modules/plans/responsibilities/reminders';
import { unitReportsReminders } from '../../modules/unitreports/reminders';
import { evaluationReminders } from '../../modules/evaluation/reminders';
import { workPointsReminders } from '../../modules/workitems/workPointsReminders';
import { siteCheckReminders } from '../../modules/evaluation/siteChecks/reminders';
import type { NamedSource } from './scheduler';

/** Every module's reminders, one line each; the scheduler asks them in this order. */
export const REMINDER_SOURCES: readonly NamedSource[] = [
  { name: 'reporting', source: reportingReminders },
  { name: 'followup', source: followupReminders },
  { name: 'workitems', source: workitemsReminders },
  { name: 'filing', source: filingReminders },
  { name: 'implementation', source: implementationReminders },
  { name: 'unitreports', source: unitReportsReminders },
  { name: 'evaluation', source: evaluationReminders },
  { name: 'workpoints', source: workPointsReminders },
  { name: 'siteChecks', source: siteCheckReminders },
];
