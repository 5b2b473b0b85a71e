-- One transaction shaped like the engine's completion of a user task (history full): read the
-- task, its execution and variables, optimistic-lock updates, history inserts, a variable insert,
-- the task deleted and the next one inserted. Tables: engine-shape-init.sql.
\set t random(1, 100000)
BEGIN;
SELECT id_, rev_, proc_inst_id_, name_, assignee_, due_date_ FROM shape_task WHERE id_ = :t;
SELECT id_, rev_, act_id_ FROM shape_execution WHERE id_ = :t;
SELECT id_, name_, text_ FROM shape_variable WHERE execution_id_ = :t;
UPDATE shape_execution SET rev_ = rev_ + 1, act_id_ = 'Task_Next' WHERE id_ = :t AND rev_ >= 0;
INSERT INTO shape_variable (execution_id_, name_, text_) VALUES (:t, 'decision', 'true');
INSERT INTO shape_hi_detail (proc_inst_id_, name_, text_, time_) VALUES (:t, 'decision', 'true', now());
INSERT INTO shape_hi_actinst (proc_inst_id_, act_id_, start_time_) VALUES (:t, 'Task_Next', now());
UPDATE shape_hi_actinst SET end_time_ = now() WHERE id_ = (SELECT max(id_) FROM shape_hi_actinst WHERE proc_inst_id_ = :t AND end_time_ IS NULL AND act_id_ <> 'Task_Next');
UPDATE shape_hi_taskinst SET end_time_ = now(), delete_reason_ = 'completed' WHERE proc_inst_id_ = :t AND end_time_ IS NULL;
INSERT INTO shape_hi_taskinst (proc_inst_id_, name_, start_time_) VALUES (:t, 'Étape suivante', now());
UPDATE shape_task SET rev_ = rev_ + 1, name_ = 'Étape suivante', due_date_ = now() + interval '15 days' WHERE id_ = :t;
INSERT INTO shape_identitylink (task_id_, group_id_, type_) VALUES (:t, 'instructeurs', 'candidate');
DELETE FROM shape_identitylink WHERE id_ = (SELECT min(id_) FROM shape_identitylink WHERE task_id_ = :t);
END;
