-- PostgreSQL only (db/vendor/{vendor}). The engine's authorization check filters its grants with
-- PERMS_ & <permission> = <permission>; without statistics on these expressions PostgreSQL
-- estimates a few hundred grants where there are one per task (default task authorizations), and
-- joins each task with all of them (quadratic: the Tasklist count at 100 000 tasks ran for minutes).
-- 2 = READ (task), 64 = READ_TASK (process definition).
CREATE STATISTICS IF NOT EXISTS AAP_STAT_AUTH_PERMS ON (PERMS_ & 2), (PERMS_ & 64) FROM ACT_RU_AUTHORIZATION;
ANALYZE ACT_RU_AUTHORIZATION;
