-- Portal search: a trigram GIN index over "PortalAsset"."searchText" (written by hand: Prisma has no
-- model for it), so the search's substring words ("LIKE '%word%'") are answered from the index
-- instead of reading every row of the tenant. pg_trgm ships with PostgreSQL (contrib) and is a
-- trusted extension: any role that may create objects in the database may install it. Where the
-- server lacks it (or the role may not create it), the migration still succeeds, with a warning,
-- and search reads the rows instead (the same results, slower); to add the index later, have a
-- superuser run this file's two blocks.
DO $$
BEGIN
  CREATE EXTENSION IF NOT EXISTS pg_trgm;
EXCEPTION WHEN OTHERS THEN
  RAISE WARNING 'pg_trgm is not available (%): portal search will read every row', SQLERRM;
END $$;

DO $$
DECLARE
  schema_name text;
BEGIN
  SELECT n.nspname INTO schema_name FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'pg_trgm';
  IF schema_name IS NOT NULL THEN
    EXECUTE format('CREATE INDEX IF NOT EXISTS "PortalAsset_searchText_trgm_idx" ON "PortalAsset" USING gin ("searchText" %I.gin_trgm_ops)', schema_name);
  END IF;
END $$;
