-- Module `monitoring`: at most one open (PENDING, IN_PROGRESS or OVERDUE) scheduled assessment per
-- enrollment and template, so planning can run on any number of nodes at once and never doubles
-- an item (INSERT … ON CONFLICT DO NOTHING).
CREATE UNIQUE INDEX scheduled_assessments_one_open ON scheduled_assessments (enrollment_id, template_id)
  WHERE status IN ('PENDING', 'IN_PROGRESS', 'OVERDUE');
