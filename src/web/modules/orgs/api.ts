export const orgUrls = {
  list: '/api/org-units',
};
