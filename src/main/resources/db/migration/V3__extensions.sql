-- Fuzzy matching helpers that ship with PostgreSQL. Created when the server offers them (the
-- embedded binaries and Debian's server both do); matching code checks for them before use.
do $$
begin
    if exists (select 1 from pg_available_extensions where name = 'pg_trgm') then
        create extension if not exists pg_trgm;
    end if;
    if exists (select 1 from pg_available_extensions where name = 'fuzzystrmatch') then
        create extension if not exists fuzzystrmatch;
    end if;
end;
$$;
