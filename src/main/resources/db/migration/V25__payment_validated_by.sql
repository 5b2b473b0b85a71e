-- Who validated the mandate (or titre de recette): the assignee of the completed "Valider le mandatement".
alter table payment add column validated_by varchar(64);
