-- oms-svc's schema (Flyway, schema oms). Prices and notionals are scaled integers: value × 10^4 (B3's finest
-- grid, blackbox.oms.core.Prices); quantities shares or contracts; times UTC epoch nanoseconds; trade dates B3
-- local dates. Statuses and event types are the core's enum names.
--
-- Append-only: events, event_anomalies and audit refuse UPDATE and DELETE (trigger below). Orders and
-- allocations are the current state, updated only in the transaction that appends the event explaining it.

-- ---------------------------------------------------------------- accounts, desks, users

CREATE TABLE accounts (
    account_id         text    PRIMARY KEY,                -- the desk's code (platform AccountId)
    broker_id          integer NOT NULL,                   -- the DLL's TConnectorAccountIdentifier
    dll_account_id     text    NOT NULL,
    dll_sub_account_id text    NOT NULL DEFAULT '',        -- '' = the broker account itself
    desk_id            text    NOT NULL,
    enabled            boolean NOT NULL DEFAULT true,
    updated_at         timestamptz NOT NULL DEFAULT now(),
    UNIQUE (broker_id, dll_account_id, dll_sub_account_id)
);

CREATE TABLE client_groups (
    group_id   text NOT NULL,
    account_id text NOT NULL REFERENCES accounts (account_id) ON DELETE CASCADE,
    PRIMARY KEY (group_id, account_id)
);
CREATE INDEX client_groups_account ON client_groups (account_id);

CREATE TABLE users (
    user_id text PRIMARY KEY,
    desk_id text NOT NULL
);

-- ---------------------------------------------------------------- blocks and allocations

CREATE TABLE blocks (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    block_id       text   NOT NULL UNIQUE,                 -- the caller's BlockID: the idempotency key
    user_id        text   NOT NULL,
    strategy_id    text,
    ticker         text   NOT NULL,
    exchange       text   NOT NULL,
    side           text   NOT NULL,
    ord_type       text   NOT NULL,
    price          bigint NOT NULL,
    stop_price     bigint NOT NULL,
    time_in_force  text   NOT NULL,
    expire_date    date,
    algorithm_kind text   NOT NULL,
    algorithm      jsonb  NOT NULL,
    policy         jsonb  NOT NULL,                        -- method, tie-break, residual rule, routing, master, lot, fractional
    total_qty      bigint NOT NULL,
    residual_qty   bigint NOT NULL,
    created_nanos  bigint NOT NULL,
    trade_date     date   NOT NULL,
    text           text   NOT NULL DEFAULT ''
);

CREATE TABLE allocations (
    block_ref      bigint  NOT NULL REFERENCES blocks (id),
    account_id     text    NOT NULL REFERENCES accounts (account_id),
    position       integer NOT NULL,                       -- tie-break order, from 0
    weight         numeric NOT NULL,
    target         numeric NOT NULL,
    quantity       bigint  NOT NULL,                       -- planned round lots
    fractional_qty bigint  NOT NULL,
    allocated_qty  bigint  NOT NULL DEFAULT 0,             -- AVERAGE_PRICE: post-trade, never decreases
    PRIMARY KEY (block_ref, account_id),
    CHECK (allocated_qty >= 0)
);

-- ---------------------------------------------------------------- orders

CREATE TABLE orders (
    id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    cl_ord_id          text   NOT NULL UNIQUE,             -- the caller's ClOrdID: the idempotency key
    order_id           text,                               -- the venue's OrderID, once known
    account_id         text   NOT NULL REFERENCES accounts (account_id),
    desk_id            text   NOT NULL,
    user_id            text   NOT NULL,
    strategy_id        text,
    block_id           text   REFERENCES blocks (block_id),
    parent_cl_ord_id   text,
    ticker             text   NOT NULL,
    exchange           text   NOT NULL,
    side               text   NOT NULL,
    ord_type           text   NOT NULL,
    time_in_force      text   NOT NULL,
    expire_date        date,
    algorithm_kind     text   NOT NULL,
    algorithm          jsonb  NOT NULL,
    status             text   NOT NULL,
    prior_status       text,
    order_qty          bigint NOT NULL,
    price              bigint NOT NULL,
    stop_price         bigint NOT NULL,
    cum_qty            bigint NOT NULL,
    notional           bigint NOT NULL,
    reconciled_qty     bigint NOT NULL,
    pending_qty        bigint,
    pending_price      bigint,
    pending_stop_price bigint,
    text               text   NOT NULL,
    created_nanos      bigint NOT NULL,
    updated_nanos      bigint NOT NULL,
    trade_date         date   NOT NULL,
    last_sequence      bigint NOT NULL,
    CHECK (order_qty > 0 AND cum_qty >= 0 AND cum_qty <= order_qty)
);
CREATE INDEX orders_account_created ON orders (account_id, created_nanos);
CREATE INDEX orders_created ON orders (created_nanos);
CREATE INDEX orders_block ON orders (block_id) WHERE block_id IS NOT NULL;
CREATE INDEX orders_strategy ON orders (strategy_id) WHERE strategy_id IS NOT NULL;
CREATE INDEX orders_instrument ON orders (ticker, exchange);
CREATE INDEX orders_open ON orders (account_id)
    WHERE status IN ('PENDING_NEW', 'NEW', 'PARTIALLY_FILLED', 'PENDING_CANCEL', 'PENDING_REPLACE', 'UNKNOWN');

-- ---------------------------------------------------------------- events (append-only)

-- Sequence numbers are taken under a transaction-level advisory lock held to the commit, so they are assigned
-- in commit order: a reader resuming after N never misses an event committed later with a smaller number.
CREATE SEQUENCE event_sequence;

CREATE TABLE events (
    sequence        bigint  PRIMARY KEY,
    order_ref       bigint  NOT NULL REFERENCES orders (id),
    cl_ord_id       text    NOT NULL,
    account_id      text    NOT NULL,                      -- the order's, copied for filtering (it never changes)
    block_id        text,
    type            text    NOT NULL,                      -- CREATED, SENT, NEW, TRADE, ... (core EventType)
    edge            text    NOT NULL,                      -- NONE or the odd-but-legal edge taken
    exec_id         text,                                  -- TRADE only
    last_qty        bigint,
    last_px         bigint,
    trade_date      date,                                  -- TRADE: B3 date of ts_event
    payload         jsonb   NOT NULL,                      -- the event's own fields, enough to replay it
    status          text    NOT NULL,                      -- the order after the event:
    previous_status text,
    venue_order_id  text,
    order_qty       bigint  NOT NULL,
    cum_qty         bigint  NOT NULL,
    leaves_qty      bigint  NOT NULL,
    notional        bigint  NOT NULL,
    price           bigint  NOT NULL,
    stop_price      bigint  NOT NULL,
    text            text    NOT NULL,
    ts_event        bigint  NOT NULL,
    ts_init         bigint  NOT NULL,
    recorded_at     timestamptz NOT NULL DEFAULT now()
);
-- an ExecID counts once per order, at the database too
CREATE UNIQUE INDEX events_exec_id ON events (order_ref, exec_id) WHERE exec_id IS NOT NULL;
CREATE INDEX events_order ON events (order_ref, sequence);
CREATE INDEX events_account ON events (account_id, sequence);
CREATE INDEX events_block ON events (block_id, sequence) WHERE block_id IS NOT NULL;
CREATE INDEX events_ts_init ON events (ts_init);

-- Events that changed nothing: refused ones (alarms among them) and ignored ones other than plain duplicates.
CREATE TABLE event_anomalies (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    order_ref   bigint  NOT NULL REFERENCES orders (id),
    cl_ord_id   text    NOT NULL,
    type        text    NOT NULL,
    outcome     text    NOT NULL,                          -- IGNORED or REFUSED
    code        text    NOT NULL,                          -- IgnoreReason or RefusalCode
    alarm       boolean NOT NULL,
    message     text    NOT NULL,
    payload     jsonb   NOT NULL,
    status      text    NOT NULL,                          -- the order's status when it came
    ts_event    bigint  NOT NULL,
    ts_init     bigint  NOT NULL,
    recorded_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX event_anomalies_order ON event_anomalies (order_ref);
CREATE INDEX event_anomalies_alarm ON event_anomalies (recorded_at) WHERE alarm;

-- ---------------------------------------------------------------- audit (append-only)

CREATE TABLE audit (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at_nanos    bigint NOT NULL,
    user_id     text   NOT NULL,
    address     text   NOT NULL,
    command     text   NOT NULL,                           -- the RPC
    cl_ord_id   text,
    block_id    text,
    account_id  text,
    parameters  jsonb  NOT NULL,                           -- the request as protobuf JSON
    outcome     text   NOT NULL,
    recorded_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX audit_cl_ord_id ON audit (cl_ord_id) WHERE cl_ord_id IS NOT NULL;
CREATE INDEX audit_block ON audit (block_id) WHERE block_id IS NOT NULL;
CREATE INDEX audit_account ON audit (account_id, at_nanos) WHERE account_id IS NOT NULL;
CREATE INDEX audit_at ON audit (at_nanos);

CREATE FUNCTION refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'oms.% is append-only: % refused', TG_TABLE_NAME, TG_OP;
END;
$$;
CREATE TRIGGER events_append_only BEFORE UPDATE OR DELETE ON events FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER event_anomalies_append_only BEFORE UPDATE OR DELETE ON event_anomalies
    FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER audit_append_only BEFORE UPDATE OR DELETE ON audit FOR EACH ROW EXECUTE FUNCTION refuse_change();
