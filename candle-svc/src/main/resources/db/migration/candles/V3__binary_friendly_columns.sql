-- Reading a year of 5-minute candles (~24,000 rows) must take milliseconds, and decoding five numerics per row
-- dominated it. Prices become double precision: they are the trades' doubles (already on the tick), and a float8
-- written from the double's shortest text reads back as the very same double. The financial volume stays exact
-- money as an integer: units of 0.0001 BRL (the core's long), so the JDBC driver reads both in binary.
ALTER TABLE candles.candles
    ALTER COLUMN open TYPE double precision,
    ALTER COLUMN high TYPE double precision,
    ALTER COLUMN low TYPE double precision,
    ALTER COLUMN close TYPE double precision,
    ALTER COLUMN financial_volume TYPE bigint USING (financial_volume * 10000)::bigint;

ALTER TABLE candles.candles RENAME COLUMN financial_volume TO financial_volume_units;

COMMENT ON COLUMN candles.candles.financial_volume_units IS
    'Σ price × quantity of the candle''s trades, in units of 0.0001 BRL (exact)';
