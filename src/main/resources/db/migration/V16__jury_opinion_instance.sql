-- The jury-opinion process instance an opinion belongs to: its tasks may only record this opinion.
alter table jury_opinion add column process_instance_id varchar(64);
