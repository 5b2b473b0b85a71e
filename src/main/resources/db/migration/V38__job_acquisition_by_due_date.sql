-- Job acquisition in due-date order, read from an index (application.yaml: ensure-job-due-date-not-null,
-- job-executor-acquire-by-due-date; measured with the benchmark's timer drain, docs/architecture.md).
-- Applied after the engine created its tables (config/FlywayAroundEngine).

-- Every job now gets a due date when created (an asynchronous continuation: the instant it was created),
-- and acquisition no longer looks for jobs without one: give the jobs of an existing database theirs.
UPDATE ACT_RU_JOB SET DUEDATE_ = COALESCE(CREATE_TIME_, CURRENT_TIMESTAMP) WHERE DUEDATE_ IS NULL;

-- the acquisition reads the due jobs in due-date order and stops after a few, instead of scanning the
-- table past the rows of jobs just executed and deleted
CREATE INDEX IF NOT EXISTS AAP_IDX_JOB_DUE_DATE ON ACT_RU_JOB (DUEDATE_);
