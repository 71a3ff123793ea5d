-- The order edits were stored in: ReadTrades applies a trade's latest stored edit, the one with the greatest id.
-- Rows already present are numbered in the table's physical order (their insertion order, as far as it is known).
ALTER TABLE marketdata.trade_edits ADD COLUMN id bigserial;
