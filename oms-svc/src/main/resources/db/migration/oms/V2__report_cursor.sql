-- Where oms-svc's consumer of the gateway's StreamExecutionReports stands: the gateway session and the sequence of
-- the last report whose events are committed. Written in the same transaction as those events, so a restart resumes
-- exactly after what was applied (a report applied twice is a no-op anyway: ExecIDs are unique, states idempotent).
CREATE TABLE report_cursor (
    id            smallint PRIMARY KEY DEFAULT 1 CHECK (id = 1),
    session_id    text     NOT NULL,
    sequence      bigint   NOT NULL CHECK (sequence >= 0),
    updated_nanos bigint   NOT NULL
);

-- Today's traded notional per account (the pre-trade context) is summed from the fills at start.
CREATE INDEX events_trades_by_date ON events (trade_date, account_id) WHERE type = 'TRADE';
