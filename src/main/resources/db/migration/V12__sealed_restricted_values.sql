-- Restricted values (a safe or refuge address and its postcode, a new phone number, a restricted incident
-- location) are sealed by the application (AES-GCM, bound to their row and column) and never stored in
-- plain text. The checks are NOT VALID so a database holding rows from before this migration can start;
-- the application seals those rows at start-up, and every new row must satisfy them.

alter table person_address alter column address drop not null;
alter table person_address add column sealed_address bytea;
alter table person_address add column sealed_postcode bytea;
alter table person_address add constraint person_address_restricted_is_sealed check (
    (restricted and address is null and postcode is null and sealed_address is not null)
    or (not restricted and address is not null and sealed_address is null and sealed_postcode is null)) not valid;

alter table person_contact alter column value drop not null;
alter table person_contact add column sealed_value bytea;
alter table person_contact add constraint person_contact_restricted_is_sealed check (
    (restricted and value is null and sealed_value is not null)
    or (not restricted and value is not null and sealed_value is null)) not valid;

alter table incident add column sealed_location bytea;
alter table incident add constraint incident_location_restricted_is_sealed check (
    (location_restricted and location is null and sealed_location is not null)
    or (not location_restricted and sealed_location is null));
