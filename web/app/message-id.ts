/**
 * Marks a string as a catalog message id without translating it yet (for tables of ids, such as role
 * labels or route titles). tests/i18n-catalogs.test.ts finds ids by this call and by t() calls,
 * so every id written in web/ is checked against locales/en/app.json.
 */
export function messageId<const Id extends string>(id: Id): Id {
  return id;
}
