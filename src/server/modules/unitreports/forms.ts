import type { Kysely } from 'kysely';
import { z } from 'zod';
import { FormContentSchema, FormGroupSchema, emptyContent, type FormContentDto, type FormDto, type FormGroupDto, type ParticipantDto } from '../../../shared/api/unitreports';
import { overdueDays } from '../../../shared/unitreports/workflow';
import { beijingDate } from '../../../shared/workitems/status';
import type { Database } from '../../db/schema';
import type { AnalyticsService } from '../analytics/service';
import { areaGroups, indicatorGroups, topDepartmentOf, type AreaFacts, type IndicatorFacts } from './formItems';
import { unitReportsRepository, type FormRow } from './repository';

export const FORM_OWNER = 'unit_report';

/**
 * What a participant reports on, grouped by plan area, with the analytics service's latest value and
 * status of each item at the reporting unit (its own targets resolved there). The one place where
 * items come from: today the indicators a department is responsible for (along its counterparts to
 * the top committee's department) or a lower committee's plan areas; goal and measure
 * responsibilities (牵头/配合, issue 11) add their items here.
 */
export async function responsibleItems(db: Kysely<Database>, analytics: AnalyticsService, seat: { orgUnitId: number; departmentId: number | null }): Promise<FormGroupDto[]> {
  const repo = unitReportsRepository(db);
  const ctx = await analytics.context('all');
  const milestone = ctx.milestoneFor(seat.orgUnitId, undefined);
  const byId = new Map(ctx.indicators.map((i) => [i.id, i]));
  if (seat.departmentId !== null) {
    const top = topDepartmentOf(seat.departmentId, await repo.counterparts());
    const facts: IndicatorFacts[] = [];
    for (const id of await repo.indicatorsOfDepartment(top)) {
      const indicator = byId.get(id);
      if (!indicator) continue;
      const year = ctx.latestYear(indicator, seat.orgUnitId);
      const value = year === null ? null : ctx.valueAt(indicator, seat.orgUnitId, year);
      facts.push({
        id, name: indicator.name, unit: indicator.unit, decimals: indicator.decimals, area: indicator.area,
        latest: year !== null && value !== null ? { year, value } : null,
        status: ctx.statusAt(indicator, seat.orgUnitId, milestone), basis: ctx.basisLabel(indicator, seat.orgUnitId),
      });
    }
    return indicatorGroups(facts);
  }
  // A lower committee: the areas of its own plans in force, else of the nearest unit above that has some.
  let areas: Awaited<ReturnType<typeof repo.areasInForce>> = [];
  for (let unit = await repo.unit(seat.orgUnitId); unit && areas.length === 0; unit = unit.parent_id === null ? undefined : await repo.unit(unit.parent_id)) {
    areas = await repo.areasInForce(unit.id);
  }
  const facts: AreaFacts[] = areas.map((a) => ({
    planTitle: a.planTitle, no: a.no, title: a.title,
    statuses: [...a.indicatorIds].flatMap((id) => {
      const indicator = byId.get(id);
      const status = indicator ? ctx.statusAt(indicator, seat.orgUnitId, milestone) : null;
      return status ? [status] : [];
    }),
  }));
  return areaGroups(facts);
}

/**
 * What a form reports on as shown: an accepted report's figures as they were when the office accepted
 * it (frozen then), otherwise today's; `asOf` is the Beijing date of a frozen set.
 */
export async function shownItems(db: Kysely<Database>, analytics: AnalyticsService, row: Pick<FormRow, 'org_unit_id' | 'department_id' | 'accepted_items' | 'accepted_at'>): Promise<{ groups: FormGroupDto[]; asOf: string | null }> {
  // Read leniently, as content is: a set stored in an older shape falls back to today's figures, unmarked.
  const frozen = row.accepted_items === null ? null : z.array(FormGroupSchema).safeParse(JSON.parse(row.accepted_items));
  if (frozen?.success && row.accepted_at) return { groups: frozen.data, asOf: beijingDate(new Date(row.accepted_at)) };
  return { groups: await responsibleItems(db, analytics, { orgUnitId: row.org_unit_id, departmentId: row.department_id }), asOf: null };
}

/** Stored content, read leniently: a row written by an older shape still opens. */
export function parseContent(json: string): FormContentDto {
  const parsed = FormContentSchema.safeParse(JSON.parse(json || '{}'));
  return parsed.success ? parsed.data : emptyContent();
}

/** A form's row as the round page lists it. */
export function participantOf(row: FormRow, now: Date): ParticipantDto {
  return {
    formId: row.id, kind: row.department_id === null ? 'area' : 'department',
    name: row.department_name ?? `${row.unit_name}妇儿工委`,
    orgUnit: { id: row.org_unit_id, name: row.unit_name }, departmentId: row.department_id, state: row.state,
    submittedAt: row.submitted_at, acceptedAt: row.accepted_at, returnedReason: row.returned_reason, remindedAt: row.reminded_at,
    overdueDays: overdueDays(row.due_on, row.state, row.first_submitted_at ? beijingDate(new Date(row.first_submitted_at)) : null, beijingDate(now)),
  };
}

export type { FormDto };
