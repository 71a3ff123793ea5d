-- positions-svc's schema. Flyway runs this with search_path = positions; names are qualified anyway.

-- Every execution applied, in application order (seq). One row per effect on a position:
--   a TRADE               -> one 'apply' row (its values);
--   a TRADE_CANCEL        -> one 'reverse' row carrying the busted trade's values (exec_ref_id names it);
--   a TRADE_CORRECT       -> a 'reverse' row (the old values) and an 'apply' row (the new ones).
-- So SUM(CASE effect WHEN 'apply' THEN 1 ELSE -1 END * signed quantity) is the position in plain SQL, and the
-- rebuild replays the rows grouped by exec_id in seq order through the core. (exec_id, effect) is unique: a
-- fill is stored once whatever the retries.
-- Prices are integers of 1e-4 (the core's scale, B3's finest grid): exact, and cheap to read back 1M rows.
CREATE TABLE positions.fills (
    seq             bigserial   PRIMARY KEY,
    exec_id         text        NOT NULL,
    effect          text        NOT NULL CHECK (effect IN ('apply', 'reverse')),
    exec_type       text        NOT NULL CHECK (exec_type IN ('TRADE', 'TRADE_CANCEL', 'TRADE_CORRECT')),
    exec_ref_id     text        NOT NULL DEFAULT '',
    account         text        NOT NULL,
    ticker          text        NOT NULL,
    exchange        text        NOT NULL,
    side            char(1)     NOT NULL CHECK (side IN ('B', 'S')),
    quantity        bigint      NOT NULL,
    price_e4        bigint      NOT NULL,
    ts_event_nanos  bigint      NOT NULL,
    trade_date      date        NOT NULL,
    order_id        text        NOT NULL DEFAULT '',
    recorded_at     timestamptz NOT NULL DEFAULT now(),
    UNIQUE (exec_id, effect)
);
CREATE INDEX fills_trade_date ON positions.fills (trade_date, seq);

-- Each import of a broker opening file.
CREATE TABLE positions.imports (
    id           bigserial   PRIMARY KEY,
    file_name    text        NOT NULL,
    imported_at  timestamptz NOT NULL DEFAULT now(),
    trade_date   date        NOT NULL,
    rows         integer     NOT NULL,
    applied      integer     NOT NULL,
    differences  integer     NOT NULL,
    replace      boolean     NOT NULL
);

-- Opening positions per trade date: from a broker file (source 'import') or the previous close ('close').
-- cost_e6 is the exact cost basis (1e-6 BRL, signed) the core starts from; average_price is for people.
CREATE TABLE positions.opening_positions (
    trade_date     date    NOT NULL,
    account        text    NOT NULL,
    ticker         text    NOT NULL,
    exchange       text    NOT NULL,
    quantity       bigint  NOT NULL,
    average_price  numeric NOT NULL,
    cost_e6        bigint  NOT NULL,
    source         text    NOT NULL CHECK (source IN ('import', 'close')),
    import_id      bigint  REFERENCES positions.imports (id),
    PRIMARY KEY (trade_date, account, ticker, exchange)
);

-- Opening cash per trade date D, as projected balances (cumulative, 1e-6 BRL): settled on D, for D+1, for D+2.
CREATE TABLE positions.opening_cash (
    trade_date  date   NOT NULL,
    account     text   NOT NULL,
    d0_e6       bigint NOT NULL,
    d1_e6       bigint NOT NULL,
    d2_e6       bigint NOT NULL,
    source      text   NOT NULL CHECK (source IN ('import', 'close')),
    import_id   bigint REFERENCES positions.imports (id),
    PRIMARY KEY (trade_date, account)
);

-- Futures settlement prices (preço de ajuste) per trade date, 1e-4 points.
CREATE TABLE positions.settlement_prices (
    ticker      text   NOT NULL,
    exchange    text   NOT NULL,
    trade_date  date   NOT NULL,
    price_e4    bigint NOT NULL,
    PRIMARY KEY (ticker, exchange, trade_date)
);

-- Reconciliations with the DLL's GetPositionV2 (through the gateway) and what differed.
CREATE TABLE positions.reconciliations (
    id                  bigserial   PRIMARY KEY,
    run_at              timestamptz NOT NULL DEFAULT now(),
    account_filter      text        NOT NULL,
    accounts            integer     NOT NULL,
    positions_compared  integer     NOT NULL,
    differences         integer     NOT NULL
);

CREATE TABLE positions.reconciliation_differences (
    reconciliation_id  bigint NOT NULL REFERENCES positions.reconciliations (id),
    account            text   NOT NULL,
    ticker             text   NOT NULL,
    exchange           text   NOT NULL,
    position_type      text   NOT NULL,
    field              text   NOT NULL,
    ours               text   NOT NULL,
    theirs             text   NOT NULL
);
CREATE INDEX reconciliation_differences_by_report ON positions.reconciliation_differences (reconciliation_id);
