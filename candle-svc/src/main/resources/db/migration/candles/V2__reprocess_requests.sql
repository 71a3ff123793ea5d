-- Ranges whose candles must be rebuilt from marketdata-svc's stored trades: trades that arrived after the
-- rectification window, edits of trades no longer held in memory, and the catch-up after a restart. The
-- reprocess job takes the pending rows, rebuilds the ranges (idempotently) and marks them done, so a range
-- recorded before a crash is still applied after it.
CREATE TABLE candles.reprocess_requests (
    id            bigserial   PRIMARY KEY,
    exchange      text        NOT NULL,
    ticker        text        NOT NULL,
    from_nanos    bigint      NOT NULL,
    to_nanos      bigint      NOT NULL CHECK (to_nanos > from_nanos),
    reason        text        NOT NULL,
    requested_at  timestamptz NOT NULL DEFAULT now(),
    done_at       timestamptz
);

CREATE INDEX reprocess_requests_pending ON candles.reprocess_requests (id) WHERE done_at IS NULL;
