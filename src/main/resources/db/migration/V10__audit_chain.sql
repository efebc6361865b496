-- A hash chain over the audit trail, so an edit or deletion made behind the application's back (by
-- someone able to disable the triggers) is detectable. Rows are inserted unsealed; the sealer
-- (audit.internal.JdbcAuditChain) later gives each committed row, in id order, its gapless position
-- chain_index, the previous row's hash and its own row_hash = SHA-256(prev_hash || canonical row).
-- Sealing after commit, not at insert, keeps writers free of any lock: rows are written both in the
-- caller's transaction and in separate ones while that is still open, and ids commit out of order.

alter table audit_event
    add column chain_index bigint,
    add column prev_hash   bytea,
    add column row_hash    bytea,
    add constraint audit_event_sealed_all_or_nothing check (
        (chain_index is null and prev_hash is null and row_hash is null)
        or (chain_index >= 1 and length(prev_hash) = 32 and length(row_hash) = 32));

create unique index audit_event_chain_index on audit_event (chain_index);
create index audit_event_unsealed on audit_event (id) where chain_index is null;

-- A row arrives unsealed: only the sealer may place it in the chain.
create function audit_event_arrives_unsealed() returns trigger
language plpgsql as $$
begin
    if new.chain_index is not null or new.prev_hash is not null or new.row_hash is not null then
        raise exception 'audit_event is append-only: a new row cannot carry chain columns';
    end if;
    return new;
end;
$$;

create trigger audit_event_insert_unsealed
    before insert on audit_event
    for each row execute function audit_event_arrives_unsealed();

-- The one update allowed: sealing an unsealed row once, every other column unchanged (compared as a
-- whole row, so a column added later is covered too), linked to the row before it in the chain.
create function audit_event_seal_only() returns trigger
language plpgsql as $$
declare
    previous_hash bytea;
begin
    if tg_op = 'UPDATE'
            and old.chain_index is null and old.prev_hash is null and old.row_hash is null
            and new.chain_index is not null and new.prev_hash is not null and new.row_hash is not null
            and (to_jsonb(old) - array['chain_index', 'prev_hash', 'row_hash'])
                = (to_jsonb(new) - array['chain_index', 'prev_hash', 'row_hash']) then
        if new.chain_index = 1 then
            previous_hash := decode(repeat('00', 32), 'hex');
        else
            select row_hash into previous_hash from audit_event where chain_index = new.chain_index - 1;
        end if;
        if previous_hash is null or previous_hash <> new.prev_hash then
            raise exception 'audit_event is append-only: a seal must link to chain index %', new.chain_index - 1;
        end if;
        return new;
    end if;
    raise exception 'audit_event is append-only: % is not allowed', tg_op;
end;
$$;

drop trigger audit_event_no_update_or_delete on audit_event;

create trigger audit_event_seal_only
    before update or delete on audit_event
    for each row execute function audit_event_seal_only();
