-- Tasklist at volume ("Tâches de mes groupes": candidate group, page of 50 by due date, count).
-- Indexes on the engine's tables: applied after the engine created them (config/FlywayAroundEngine).
-- Measured with the benchmark's TasklistPhase (100 000 open tasks): see docs/architecture.md.

-- the page sorted by due date stops after 50 tasks instead of sorting every candidate task
CREATE INDEX IF NOT EXISTS AAP_IDX_TASK_DUE_DATE ON ACT_RU_TASK (DUE_DATE_);

-- the candidate-group filter read from the index alone, in task id order (merge join with the tasks)
CREATE INDEX IF NOT EXISTS AAP_IDX_IDENT_LNK_GROUP_TASK ON ACT_RU_IDENTITYLINK (GROUP_ID_, TYPE_, TASK_ID_);

-- what the count and the authorization join need of a task, read from the index alone
CREATE INDEX IF NOT EXISTS AAP_IDX_TASK_ID_PROCDEF ON ACT_RU_TASK (ID_, PROC_DEF_ID_, TENANT_ID_, CASE_EXECUTION_ID_);
