-- Nothing on H2: the PostgreSQL version (db/vendor/postgresql) adds planner statistics.
SELECT 1;
