-- Per-day indicator checkpoints: the state of one indicator (spec) over one series after every candle with bucket
-- start < day_start_nanos (a midnight of the exchange's time zone), so history and live warm-up read from the day
-- they need instead of from the series' first candle. Written by the readers that computed them (IndicatorsService),
-- deleted by every candle write before them (PgCandleStore, in the write's transaction).
CREATE TABLE candles.indicator_checkpoints (
    exchange          text   NOT NULL,
    ticker            text   NOT NULL,
    timeframe         text   NOT NULL,
    spec              text   NOT NULL,
    day_start_nanos   bigint NOT NULL,
    last_bucket_nanos bigint NOT NULL,  -- the newest candle the state includes
    state             bytea  NOT NULL,  -- StreamingIndicator.checkpoint()
    PRIMARY KEY (exchange, ticker, timeframe, day_start_nanos, spec)
);

-- One row per series a reader may write checkpoints of: horizon_nanos is the latest day start a reader announced
-- it may checkpoint; a candle write before it bumps epoch, and a reader writes its checkpoints only if the epoch
-- it read before reading the candles is still current (see PgIndicatorCheckpoints for the locking).
CREATE TABLE candles.indicator_series (
    exchange      text   NOT NULL,
    ticker        text   NOT NULL,
    timeframe     text   NOT NULL,
    horizon_nanos bigint NOT NULL,
    epoch         bigint NOT NULL DEFAULT 0,
    PRIMARY KEY (exchange, ticker, timeframe)
);
