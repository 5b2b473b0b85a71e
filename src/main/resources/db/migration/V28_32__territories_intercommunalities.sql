-- Territories at the level of the intercommunalities (EPCI à fiscalité propre) of the Pas-de-Calais,
-- 2023, with their SIREN, and the four communes the coordinateurs Logement d'abord call names beside
-- the Artois territory (appels-a-projets-2023-axe2.txt: "ainsi que sur les communes de Fleurbaix,
-- Laventie, Lestrem et Sully-sur-la-Lys" -- Sailly-sur-la-Lys, the four Pas-de-Calais communes of the
-- CC Flandre Lys), with their INSEE code. A territory's official code: the SIREN of an EPCI (9 digits,
-- Luhn key), the INSEE code of a commune (5 characters), none for the Département's own territories
-- of action and MDS. Unique when given. Instructeurs add and correct rows through /api/territories.
--
-- Sources of the SIRENs: the infoboxes "Code SIREN" of the EPCIs' Wikipédia articles (which cite
-- BANATIC), checked here to be 9 digits with a valid Luhn key. Not found with certainty: the CC de
-- Desvres-Samer's SIREN, left empty (to be completed with PUT /api/territories/CCDS once checked in
-- BANATIC). The CC Pays d'Opale was re-created in 2019 after a court annulled its 2017 creation; its
-- SIREN below is the one its article gives with 2021 population figures.
--
-- Parent: the Département's territory of action the EPCI belongs to (CC Flandre Lys, seated in the
-- Nord at La Gorgue, is attached to the Artois as the coordinateurs call attaches its communes); the
-- communes' parent is their EPCI.
--
-- Version V28_32 (first written as V32): below 29, so that it runs before JPA, in Flyway's first phase
-- (see config.FlywayAroundEngine), and Hibernate validates the entities that map what it creates:
-- call.Territory (officialCode), call.CallForProjects (pieceHolderTypes) and
-- application.Organization (declaredHolderType). Out-of-order: a database that already applied V30
-- gets it too. Tables of V2 (territory, call_for_projects, call_required_document) and V10
-- (organization) only.

alter table territory add column official_code varchar(9);
alter table territory add constraint uk_territory_official_code unique (official_code);

-- the five EPCIs already named by the calls (V2)
update territory set official_code = '246200364' where code = 'CALL';
update territory set official_code = '246200299' where code = 'CAHC';
update territory set official_code = '200072460' where code = 'CABBALR';
update territory set official_code = '200069235' where code = 'CCHPM';
update territory set official_code = '200044030' where code = 'CC7V';

insert into territory (code, name, kind, parent_code, official_code) values
  ('CAB', 'Communauté d''agglomération du Boulonnais (CAB)', 'EPCI', 'BOULONNAIS', '246200729'),
  ('GCTM', 'Communauté d''agglomération Grand Calais Terres et Mers', 'EPCI', 'CALAISIS', '200090751'),
  ('CAPSO', 'Communauté d''agglomération du Pays de Saint-Omer (CAPSO)', 'EPCI', 'AUDOMAROIS', '200069037'),
  ('CUA', 'Communauté urbaine d''Arras (CUA)', 'EPCI', 'ARRAGEOIS', '200033579'),
  ('CA2BM', 'Communauté d''agglomération des Deux Baies en Montreuillois (CA2BM)', 'EPCI', 'MONTREUILLOIS', '200069029'),
  ('CCOM', 'Communauté de communes Osartis-Marquion', 'EPCI', 'ARRAGEOIS', '200044048'),
  ('CCTERNOIS', 'Communauté de communes du Ternois', 'EPCI', 'TERNOIS', '200069672'),
  ('CCCA', 'Communauté de communes des Campagnes de l''Artois', 'EPCI', 'ARRAGEOIS', '200069482'),
  ('CCSA', 'Communauté de communes du Sud-Artois', 'EPCI', 'ARRAGEOIS', '200035442'),
  ('CCFL', 'Communauté de communes Flandre Lys (CCFL)', 'EPCI', 'ARTOIS', '245900758'),
  ('CCRA', 'Communauté de communes de la Région d''Audruicq (CCRA)', 'EPCI', 'CALAISIS', '246200844'),
  ('CCPO', 'Communauté de communes Pays d''Opale (CCPO)', 'EPCI', 'CALAISIS', '200072478'),
  ('CCT2C', 'Communauté de communes de la Terre des Deux Caps', 'EPCI', 'BOULONNAIS', '246200380'),
  ('CCPL', 'Communauté de communes du Pays de Lumbres', 'EPCI', 'AUDOMAROIS', '246201016'),
  ('CCDS', 'Communauté de communes de Desvres-Samer (CCDS)', 'EPCI', 'BOULONNAIS', null),
  ('FLEURBAIX', 'Fleurbaix', 'COMMUNE', 'CCFL', '62338'),
  ('LAVENTIE', 'Laventie', 'COMMUNE', 'CCFL', '62491'),
  ('LESTREM', 'Lestrem', 'COMMUNE', 'CCFL', '62502'),
  ('SAILLY_SUR_LA_LYS', 'Sailly-sur-la-Lys', 'COMMUNE', 'CCFL', '62736');

-- Pieces asked of one holder type only (requiredDocuments[].holderTypes, call.HolderType codes):
-- one row per (call, piece, type); a piece without rows is asked of every holder.
create table call_required_document_holder_type (
  call_id       bigint      not null references call_for_projects (id),
  document_code varchar(40) not null,
  holder_type   varchar(30) not null,
  primary key (call_id, document_code, holder_type)
);

-- The holder type an organisation declared with its latest dossier (none: unknown, every piece asked).
create table organization_holder_type (
  organization_id bigint      not null primary key references organization (id),
  holder_type     varchar(30) not null
);

-- The catalogue's call already loaded on an existing database: prévention des expulsions asks the
-- agrément of the organismes agréés, not of the SIAO 62 (appels-a-projets-2023-axe2.txt: "organisme
-- agréé au titre de l'ingénierie sociale, financière et technique. Peuvent porter ce dispositif les
-- organismes gestionnaires exerçant des mesures au titre des DSF ou le SIAO 62"). On a fresh database
-- the call does not exist yet here: its file (calls/aap-2023-prevention-expulsions.yaml) says the same.
insert into call_required_document_holder_type (call_id, document_code, holder_type)
  select c.id, d.code, 'ORGANISME_AGREE' from call_for_projects c
    join call_required_document d on d.call_id = c.id and d.code = 'AGREMENT'
  where c.reference = 'AAP-2023-PREVENTION-EXPULSIONS';
