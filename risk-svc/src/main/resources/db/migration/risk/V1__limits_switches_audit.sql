-- risk-svc's schema. Flyway runs this with search_path = risk; names are qualified anyway.

-- Every change (limit or switch) takes the next number: the Redis broadcast carries it, so a subscriber that
-- sees a gap re-reads PostgreSQL.
CREATE SEQUENCE risk.change_seq;

-- Limits in force: one value per scope and kind. Values are bigint in the kind's unit (money: R$ 0,0001).
CREATE TABLE risk.limits (
    scope      text        NOT NULL CHECK (scope IN ('DESK', 'STRATEGY', 'ACCOUNT', 'INSTRUMENT', 'ACCOUNT_INSTRUMENT')),
    scope_key  text        NOT NULL,
    kind       text        NOT NULL,
    value      bigint      NOT NULL,
    changed_by text        NOT NULL,
    reason     text        NOT NULL,
    changed_at timestamptz NOT NULL,
    version    bigint      NOT NULL,
    PRIMARY KEY (scope, scope_key, kind)
);

-- Kill switches that were ever changed; a scope without a row is ACTIVE.
CREATE TABLE risk.switches (
    scope      text        NOT NULL CHECK (scope IN ('DESK', 'STRATEGY', 'ACCOUNT', 'INSTRUMENT')),
    scope_key  text        NOT NULL,
    state      text        NOT NULL CHECK (state IN ('ACTIVE', 'REDUCING', 'HALTED')),
    mode       text        NOT NULL CHECK (mode IN ('NONE', 'FLATTEN', 'KEEP', 'CORRECT')),
    changed_by text        NOT NULL,
    reason     text        NOT NULL,
    changed_at timestamptz NOT NULL,
    changed_at_nanos bigint NOT NULL,
    version    bigint      NOT NULL,
    PRIMARY KEY (scope, scope_key)
);

-- Every change, append-only: who, with which roles, why, before and after.
CREATE TABLE risk.audit (
    id         bigserial   PRIMARY KEY,
    version    bigint      NOT NULL,
    at         timestamptz NOT NULL,
    actor      text        NOT NULL,
    roles      text        NOT NULL,
    action     text        NOT NULL,   -- SET_LIMIT, CLEAR_LIMIT, HALT, REDUCE, RESUME, PANIC, CIRCUIT_BREAK
    scope      text        NOT NULL,
    scope_key  text        NOT NULL,
    kind       text,
    old_value  bigint,
    new_value  bigint,
    old_state  text,
    new_state  text,
    mode       text,
    reason     text        NOT NULL
);

CREATE FUNCTION risk.audit_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'risk.audit is append-only';
END $$;

CREATE TRIGGER audit_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON risk.audit
    FOR EACH STATEMENT EXECUTE FUNCTION risk.audit_is_append_only();
