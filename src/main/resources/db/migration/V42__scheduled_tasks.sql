-- db-scheduler (com.github.kagkarlsson:db-scheduler 16.7.1): cluster-safe jobs. Each due execution
-- is picked by exactly one node (optimistic lock on version); a node that dies is detected by its
-- missing heartbeats and its executions are picked up again. Not tenant data: no organization, no RLS.
CREATE TABLE scheduled_tasks (
  task_name            text        NOT NULL,
  task_instance        text        NOT NULL,
  task_data            bytea,
  execution_time       timestamptz NOT NULL,
  picked               boolean     NOT NULL,
  picked_by            text,
  last_success         timestamptz,
  last_failure         timestamptz,
  consecutive_failures integer,
  last_heartbeat       timestamptz,
  version              bigint      NOT NULL,
  priority             smallint,
  PRIMARY KEY (task_name, task_instance)
);
CREATE INDEX scheduled_tasks_execution_time_idx ON scheduled_tasks (execution_time);
CREATE INDEX scheduled_tasks_last_heartbeat_idx ON scheduled_tasks (last_heartbeat);
CREATE INDEX scheduled_tasks_priority_execution_time_idx ON scheduled_tasks (priority DESC, execution_time ASC);

-- Pooled connections work as vigil_app (see V1).
GRANT SELECT, INSERT, UPDATE, DELETE ON scheduled_tasks TO vigil_app, vigil_platform;
