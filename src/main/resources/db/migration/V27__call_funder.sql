-- The funder of a call becomes structured (issue 13): its kind (DEPARTEMENT or ETAT), which fixes the
-- texts of the conventions and letters and the group that validates the payments; the service that
-- instructs for it; who signs; an optional co-funder and its share. Column funder keeps the name.
alter table call_for_projects add column funder_kind varchar(20) default 'DEPARTEMENT' not null;
alter table call_for_projects add column funder_service varchar(300);
alter table call_for_projects add column funder_signatory varchar(200) default 'le Président du Conseil départemental du Pas-de-Calais' not null;
alter table call_for_projects add column co_funder_name varchar(200);
alter table call_for_projects add column co_funder_share numeric(5,2);
-- calls stored before: the one funded by the State said so in its free text
update call_for_projects set funder_kind = 'ETAT', funder_signatory = 'le Préfet du Pas-de-Calais'
  where funder like 'État%' or funder like 'Etat%';
alter table call_for_projects add constraint ck_call_funder_kind check (funder_kind in ('DEPARTEMENT', 'ETAT'));
alter table call_for_projects add constraint ck_call_co_funder_share check (co_funder_share is null or (co_funder_share > 0 and co_funder_share <= 100));
