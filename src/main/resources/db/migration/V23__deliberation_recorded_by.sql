-- Who recorded the deliberation: the assignee of "Enregistrer la délibération" when it was completed.
alter table deliberation add column recorded_by varchar(64);
