-- A mandate number (advance, balance) or a titre de recette number (recovery) is given once per
-- budget year (the series restart each year): mandate_series is MANDAT-<year> or TITRE-<year> of the
-- payment date once the order is paid, null before; (series, number) is unique.
alter table payment add column mandate_series varchar(20);
alter table payment add constraint uk_payment_mandate unique (mandate_series, mandate_number);
