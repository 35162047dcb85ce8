-- Module `library`: bookkeeping of the standardized library that ships with Vigil
-- (src/main/resources/library/standard, loaded by org.vigil.library.internal.StandardLibraryLoader
-- on every start). Neither table holds organization data: they record which release is loaded and
-- which standardized row each shipped item became, so a restart with an unchanged library costs
-- one query, and a changed item updates the row it created (matched by its stable code) instead of
-- inserting a duplicate. Only platform administration writes them; tenants may read them (they
-- describe the standardized library, which every tenant reads anyway).

-- One row per load that changed something (or the first load). The newest row's content_hash is
-- the release currently in the database.
CREATE TABLE library_releases (
  id            text        PRIMARY KEY,
  version       text        NOT NULL,
  content_hash  text        NOT NULL,
  -- {inserted, updated, unchanged, retired, millis}
  summary       jsonb       NOT NULL DEFAULT '{}'::jsonb,
  loaded_at     timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX library_releases_loaded_at_idx ON library_releases (loaded_at DESC);

-- Shipped item (kind + stable code: metric key, template/rule/preset code) -> the standardized
-- row it is loaded into, with the hash of the item as last written. content_hash NULL: the item
-- is no longer shipped and its row was deactivated (never deleted: patients' data may point at it).
CREATE TABLE library_standard_items (
  kind          text        NOT NULL
                CONSTRAINT library_standard_items_kind_check
                CHECK (kind IN ('METRIC', 'TEMPLATE', 'ALERT_RULE', 'CONDITION_PRESET')),
  code          text        NOT NULL,
  row_id        text        NOT NULL,
  content_hash  text,
  release_id    text        NOT NULL REFERENCES library_releases (id) ON DELETE RESTRICT,
  updated_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (kind, code),
  CONSTRAINT library_standard_items_kind_row_id_key UNIQUE (kind, row_id)
);
CREATE INDEX library_standard_items_release_id_idx ON library_standard_items (release_id);

CALL vigil_protect_catalog_table('library_releases');
CALL vigil_protect_catalog_table('library_standard_items');
