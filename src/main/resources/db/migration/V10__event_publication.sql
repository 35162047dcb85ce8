-- Spring Modulith's JDBC event publication registry (schema v2 from spring-modulith-events-jdbc
-- 2.0.3): the transactional outbox through which modules react to each other's events, so that a
-- committed change can never miss its listeners, even after a crash.
CREATE TABLE event_publication (
  id                     uuid        NOT NULL,
  listener_id            text        NOT NULL,
  event_type             text        NOT NULL,
  serialized_event       text        NOT NULL,
  publication_date       timestamptz NOT NULL,
  completion_date        timestamptz,
  status                 text,
  completion_attempts    integer,
  last_resubmission_date timestamptz,
  PRIMARY KEY (id)
);
CREATE INDEX event_publication_serialized_event_hash_idx ON event_publication USING hash (serialized_event);
CREATE INDEX event_publication_by_completion_date_idx ON event_publication (completion_date);

-- The registry writes inside the publishing transaction, whichever role that runs as.
GRANT SELECT, INSERT, UPDATE, DELETE ON event_publication TO vigil_app, vigil_platform;
