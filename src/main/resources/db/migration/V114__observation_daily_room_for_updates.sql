-- Module `monitoring`: the daily rollup is updated far more than it is inserted (a device sending
-- four readings a day inserts a day's row once and updates it three times), and no updated column
-- is indexed, so each update could be heap-only. But rows were packed into full pages, so 98 % of
-- the updates had to move the row to another page and write new entries in all four indexes (the
-- ingestion benchmark's batch phase: 282,000 updates, 2 % heap-only, 152,640 dead rows). Leave a
-- third of each new page free for the updated versions.
ALTER TABLE observation_daily SET (fillfactor = 70);
