-- One active dossier per (lot, SIRET) on a call that admits one dossier per holder, enforced by the
-- database: holder_slot is "<lot id>:<SIRET>" while such a dossier is active, and null otherwise
-- (calls admitting several dossiers, final states). Several nulls are allowed by a unique constraint
-- on H2 as on PostgreSQL. Dossiers filed before this version keep a null slot.
alter table application add column holder_slot varchar(120);
alter table application add constraint uk_application_holder_slot unique (holder_slot);
