-- candle-svc's schema. Flyway runs this with search_path = candles; names are qualified anyway.

-- Every candle of every timeframe, one row per (instrument, timeframe, bucket start). One logical table, so
-- one upsert and one read serve all six timeframes; physically it is LIST-partitioned by timeframe:
--   * candles_1m: the canonical 1-minute candles (~500 rows per instrument and session, the bulk of the data),
--     sub-partitioned by RANGE of bucket start into UTC months (candles_1m_p201811 holds November 2018).
--     MonthPartitions creates a month's partition on demand before a write touches it; there is deliberately
--     no DEFAULT partition (a default holding rows of a month would block creating that month later).
--   * candles_higher: 5m/15m/60m/1d/1w, about a fifth of the 1m row count together; small enough to stay one
--     table, and writes of them never need DDL.
--
-- Prices are numeric written from the double's shortest decimal text (as marketdata.trades stores prices), so
-- the stored value is exactly the decimal the trade carried, compares exactly with SQL aggregates over
-- marketdata.trades, and parses back to the very same double. financial_volume is the core's exact
-- Σ price × quantity at scale 4 (BRL). open_time/open_trade_number and close_time/close_trade_number are the
-- opening and closing trades' (time, number), so a candle read back merges exactly like the one written.
CREATE TABLE candles.candles (
    exchange            text        NOT NULL,
    ticker              text        NOT NULL,
    timeframe           text        NOT NULL CHECK (timeframe IN ('1m', '5m', '15m', '60m', '1d', '1w')),
    bucket_start_nanos  bigint      NOT NULL,
    open                numeric     NOT NULL,
    high                numeric     NOT NULL,
    low                 numeric     NOT NULL,
    close               numeric     NOT NULL,
    volume              bigint      NOT NULL,
    financial_volume    numeric     NOT NULL,
    trades              bigint      NOT NULL,
    buy_volume          bigint      NOT NULL,
    sell_volume         bigint      NOT NULL,
    open_time_nanos     bigint      NOT NULL,
    open_trade_number   bigint      NOT NULL,
    close_time_nanos    bigint      NOT NULL,
    close_trade_number  bigint      NOT NULL,
    updated_at          timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (exchange, ticker, timeframe, bucket_start_nanos)
) PARTITION BY LIST (timeframe);

CREATE TABLE candles.candles_1m PARTITION OF candles.candles FOR VALUES IN ('1m')
    PARTITION BY RANGE (bucket_start_nanos);

CREATE TABLE candles.candles_higher PARTITION OF candles.candles FOR VALUES IN ('5m', '15m', '60m', '1d', '1w');
