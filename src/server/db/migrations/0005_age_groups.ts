import type { MigrationDb } from './schemaUtils';

/**
 * Age-group disaggregation: the three broad age groups of China's census (三大年龄组), parts that
 * add up to the total like female＋male. Sorted after the urban/rural parts (sort 4).
 */
const AGE_GROUPS = [
  { code: 'age0_14', category: 'age', name: '0–14岁', sort: 5 },
  { code: 'age15_59', category: 'age', name: '15–59岁', sort: 6 },
  { code: 'age60', category: 'age', name: '60岁及以上', sort: 7 },
];

export async function up(db: MigrationDb): Promise<void> {
  await db.insertInto('category_options').values(AGE_GROUPS).execute();
}

/**
 * Back to the options before age groups: values and their history reported by age group go (the
 * values' key references the options), and data elements and indicators lose the 'age' category so
 * the earlier code meets only the category sets it knows.
 */
export async function down(db: MigrationDb): Promise<void> {
  const ids = db.selectFrom('category_options').select('id').where('category', '=', 'age');
  await db.deleteFrom('data_values').where('option_id', 'in', ids).execute();
  await db.deleteFrom('data_value_audits').where('option_id', 'in', ids).execute();
  for (const table of ['data_elements', 'indicators']) {
    for (const [withAge, without] of WITHOUT_AGE) await db.updateTable(table).set({ categories: without }).where('categories', '=', withAge).execute();
  }
  await db.deleteFrom('category_options').where('category', '=', 'age').execute();
}

/** Category sets with age groups and what they were before (a snapshot: migrations never import app code). */
const WITHOUT_AGE = [
  ['age', ''],
  ['sex,age', 'sex'],
  ['area,age', 'area'],
  ['sex,area,age', 'sex,area'],
] as const;
