-- marketdata-svc's schema. Flyway runs this with search_path = marketdata; names are qualified anyway.

-- Every trade, one row per (instrument, session, trade number). Prices and volumes are numeric, written as
-- the shortest decimal text of the DLL's double, so the stored value is exactly the decimal the DLL meant.
-- Daily partitions are created by PartitionManager (at start: yesterday .. today + N; and for any day a
-- batch carries, so replays of old days work).
CREATE TABLE marketdata.trades (
    exchange       text     NOT NULL,
    ticker         text     NOT NULL,
    trading_day    date     NOT NULL,
    trade_number   bigint   NOT NULL,
    time_nanos     bigint   NOT NULL,
    price          numeric  NOT NULL,
    quantity       bigint   NOT NULL,
    volume         numeric  NOT NULL,
    buy_agent      int      NOT NULL,
    sell_agent     int      NOT NULL,
    trade_type     smallint NOT NULL,
    received_nanos bigint   NOT NULL,
    PRIMARY KEY (exchange, ticker, trading_day, trade_number)
) PARTITION BY RANGE (trading_day);

-- Edits (TC_IS_EDIT) of stored trades, kept apart. Not partitioned: a session has a handful of edits, so
-- one small table with one unique index is cheaper than a partition per day, and the writer never needs
-- DDL for it. The same edit delivered twice is stored once.
CREATE TABLE marketdata.trade_edits (
    exchange       text     NOT NULL,
    ticker         text     NOT NULL,
    trading_day    date     NOT NULL,
    trade_number   bigint   NOT NULL,
    time_nanos     bigint   NOT NULL,
    price          numeric  NOT NULL,
    quantity       bigint   NOT NULL,
    volume         numeric  NOT NULL,
    buy_agent      int      NOT NULL,
    sell_agent     int      NOT NULL,
    trade_type     smallint NOT NULL,
    received_nanos bigint   NOT NULL,
    CONSTRAINT trade_edits_once UNIQUE (exchange, ticker, trading_day, trade_number, time_nanos, price, quantity)
);

-- Users' subscriptions; the service rebuilds its reference counts from them at start.
CREATE TABLE marketdata.subscriptions (
    user_id    text        NOT NULL,
    exchange   text        NOT NULL,
    ticker     text        NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, exchange, ticker)
);
CREATE INDEX subscriptions_by_instrument ON marketdata.subscriptions (exchange, ticker);

-- Gap repairs: which window of which instrument was re-fetched from history, and how many trades came back.
CREATE TABLE marketdata.repairs (
    id         bigserial   PRIMARY KEY,
    exchange   text        NOT NULL,
    ticker     text        NOT NULL,
    from_nanos bigint      NOT NULL,
    to_nanos   bigint      NOT NULL,
    recovered  bigint      NOT NULL,
    reason     text        NOT NULL,
    at         timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX repairs_by_instrument ON marketdata.repairs (exchange, ticker, at);
