/* The analytics pages' number formats are the shared ones the documents use too. */
export * from '../../../shared/format';
