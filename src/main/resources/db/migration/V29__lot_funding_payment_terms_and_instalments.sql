-- Each lot carries its own funding rule and payment terms (prévention des expulsions: AMI 1 a fixed
-- 80 928 €, AMI 2 unit prices). A lot that states none gets the call's, copied when the call is
-- created; existing lots get their call's here.
alter table call_lot add column funding_kind varchar(20);
alter table call_lot add column funding_amount numeric(14,2);
alter table call_lot add column funding_unit_label varchar(60);
alter table call_lot add column funding_base_months integer;
alter table call_lot add column funding_base_quantity integer;
alter table call_lot add column advance_percent integer;
alter table call_lot add column balance_trigger varchar(30);

update call_lot set
  funding_kind = (select c.funding_kind from call_for_projects c where c.id = call_lot.call_id),
  funding_amount = (select c.funding_amount from call_for_projects c where c.id = call_lot.call_id),
  funding_unit_label = (select c.funding_unit_label from call_for_projects c where c.id = call_lot.call_id),
  funding_base_months = (select c.funding_base_months from call_for_projects c where c.id = call_lot.call_id),
  funding_base_quantity = (select c.funding_base_quantity from call_for_projects c where c.id = call_lot.call_id),
  advance_percent = (select c.advance_percent from call_for_projects c where c.id = call_lot.call_id),
  balance_trigger = (select c.balance_trigger from call_for_projects c where c.id = call_lot.call_id);

alter table call_lot alter column funding_kind set not null;
alter table call_lot alter column advance_percent set not null;
alter table call_lot alter column balance_trigger set not null;
alter table call_lot add constraint ck_call_lot_advance check (advance_percent between 0 and 100);

create table call_lot_unit_price (
  lot_id   bigint        not null references call_lot (id),
  position integer       not null,
  code     varchar(40)   not null,
  label    varchar(200)  not null,
  price    numeric(14,2) not null,
  primary key (lot_id, position)
);

insert into call_lot_unit_price (lot_id, position, code, label, price)
  select l.id, u.position, u.code, u.label, u.price from call_lot l join call_unit_price u on u.call_id = l.call_id;

-- Intermediate instalments: a share of the granted amount paid once the named interim report is approved.
create table call_lot_instalment (
  lot_id       bigint      not null references call_lot (id),
  position     integer     not null,
  percent      integer     not null,
  after_report varchar(40) not null,
  primary key (lot_id, position),
  constraint ck_call_lot_instalment_percent check (percent between 1 and 99)
);

-- Intermediate instalments (e.g. 30 % at signature, 30 % when an interim report is approved, balance
-- on service fait): a payment of kind INSTALMENT carries its number in the terms (1, 2…), 0 for the
-- other kinds. One live order per (agreement, kind, instalment): payment_slot holds the kind while the
-- order is live (see V20), so the unique key now includes the instalment number.
alter table payment add column instalment integer default 0 not null;
alter table payment drop constraint uk_payment_agreement_slot;
alter table payment add constraint uk_payment_agreement_slot unique (agreement_id, payment_slot, instalment);
alter table payment drop constraint ck_payment_kind;
alter table payment add constraint ck_payment_kind check (kind in ('ADVANCE', 'INSTALMENT', 'BALANCE', 'RECOVERY'));
