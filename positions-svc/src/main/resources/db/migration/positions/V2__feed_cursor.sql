-- How far a feed of fills has been applied: for oms-svc's StreamOrderEvents (source 'oms'), the sequence of the last
-- order event whose fills are stored here. Written in the same transaction as those fills, so a restart resumes the
-- stream after exactly what is stored (a fill re-sent after that is a duplicate by exec_id anyway).
CREATE TABLE positions.feed_cursor (
    source         text        PRIMARY KEY,
    last_sequence  bigint      NOT NULL,
    updated_at     timestamptz NOT NULL DEFAULT now()
);
