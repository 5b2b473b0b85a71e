-- The final review of a call also records what was paid and recovered on its conventions.
alter table call_review add column total_paid numeric(14,2);
alter table call_review add column total_recovered numeric(14,2);
