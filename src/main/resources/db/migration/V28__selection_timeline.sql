-- Issue 13, selection timeline of a call (docs/call-format.md, "Selection"):
-- a call decided lot by lot as each lot closes (PER_LOT) or once every lot is closed (WHOLE_CALL);
-- with or without a jury; a lot that opens at publication (no stated opening date until then).
alter table call_for_projects add column selection varchar(20) default 'WHOLE_CALL' not null;
alter table call_for_projects add column selection_mode varchar(20) default 'WITH_JURY' not null;
alter table call_lot alter column opens_at drop not null;

-- A jury session, a deliberation (or the Préfet's decision) of one lot when the call is decided lot by lot.
alter table jury_session add column lot_code varchar(30);
alter table deliberation add column lot_code varchar(30);

-- Which body decided each award (Commission Permanente or Préfet), as its act says.
alter table award_decision add column deciding_body varchar(30);
update award_decision set deciding_body = (select d.deciding_body from deliberation d where d.id = award_decision.deliberation_id);
