-- Referral monitoring: how many MARAC referrals a year the area expects from each agency, so agencies
-- referring fewer can be followed up.
create table marac_expected_referrals (
    area_id   uuid not null references marac_area (id),
    agency_id uuid not null references agency (id),
    per_year  int  not null check (per_year between 1 and 100000),
    primary key (area_id, agency_id)
);
