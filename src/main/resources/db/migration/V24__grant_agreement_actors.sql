-- Who recorded the signatures and who certified the service fait (the assignees of the completed tasks).
alter table grant_agreement add column signatures_recorded_by varchar(64);
alter table grant_agreement add column service_rendered_by varchar(64);
