-- Agencies and the people who sign in to Waymark.

create table agency (
    id          uuid primary key,
    name        text not null check (length(trim(name)) between 2 and 200),
    type        text not null check (type in (
                    'POLICE', 'CHILDRENS_SOCIAL_CARE', 'ADULT_SOCIAL_CARE',
                    'HEALTH_GP', 'HEALTH_MIDWIFERY', 'HEALTH_VISITING', 'HEALTH_HOSPITAL',
                    'EDUCATION', 'PROBATION', 'HOUSING', 'IDVA_SERVICE', 'SPECIALIST_DA_SERVICE',
                    'MARAC_COORDINATION', 'MASH', 'PERPETRATOR_PROGRAMME', 'DA_PARTNERSHIP')),
    active      boolean not null default true,
    version     integer not null default 0,
    created_at  timestamptz not null default now()
);
create unique index agency_name_unique on agency (lower(name));

create table app_user (
    id               uuid primary key,
    username         text not null check (username ~ '^[a-z0-9][a-z0-9._-]{1,62}$'),
    display_name     text not null check (length(trim(display_name)) between 1 and 200),
    email            text,
    agency_id        uuid not null references agency (id),
    password_hash    text not null,
    enabled          boolean not null default true,
    failed_sign_ins  integer not null default 0 check (failed_sign_ins >= 0),
    locked_until     timestamptz,
    version          integer not null default 0,
    created_at       timestamptz not null default now()
);
create unique index app_user_username_unique on app_user (lower(username));
create index app_user_agency on app_user (agency_id);

create table app_user_role (
    user_id  uuid not null references app_user (id) on delete cascade,
    role     text not null check (role in ('PRACTITIONER', 'SAFEGUARDING_LEAD', 'MASH_OFFICER',
                                           'MARAC_COORDINATOR', 'IDVA', 'POLICE_OFFICER', 'ADMIN')),
    primary key (user_id, role)
);
