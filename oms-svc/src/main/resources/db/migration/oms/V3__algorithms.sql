-- Execution algorithms (blackbox.oms.algo): a parent order owns its children (oms.orders rows carrying
-- parent_cl_ord_id). The parent is not an order row: it is never sent, so neither the writer's state machine nor
-- reconciliation ever sees it. Its definition is immutable; its progress is written before each slice's children
-- are created (persist before send), so a restart resumes the schedule where it was.
CREATE TABLE algo_parents (
    parent_cl_ord_id text   PRIMARY KEY,                 -- the request's cl_ord_id, or the block's id
    block_id         text   REFERENCES blocks (block_id), -- the block whose accounts it works; NULL for a single order
    kind             text   NOT NULL,                    -- twap, iceberg, ...
    definition       jsonb  NOT NULL,                    -- the ParentOrder: accounts and their quantities, terms, schedule
    status           text   NOT NULL CHECK (status IN ('WORKING', 'FILLED', 'EXPIRED', 'HALTED', 'CANCELED')),
    released_slice   int    NOT NULL DEFAULT 0 CHECK (released_slice >= 0), -- slices begun
    text             text   NOT NULL DEFAULT '',          -- why it ended
    target_qty       bigint NOT NULL CHECK (target_qty > 0),
    created_nanos    bigint NOT NULL,
    updated_nanos    bigint NOT NULL
);
CREATE INDEX algo_parents_working ON algo_parents (parent_cl_ord_id) WHERE status = 'WORKING';

-- Each slice as it was released: when, on the algorithm's clock, and what was planned for it (after roll-over).
CREATE TABLE algo_slices (
    parent_cl_ord_id text   NOT NULL REFERENCES algo_parents (parent_cl_ord_id),
    slice            int    NOT NULL CHECK (slice >= 1),
    released_nanos   bigint NOT NULL,
    planned_qty      bigint NOT NULL CHECK (planned_qty >= 0),
    PRIMARY KEY (parent_cl_ord_id, slice)
);

-- A parent's children, for its restart and its progress.
CREATE INDEX orders_parent ON orders (parent_cl_ord_id) WHERE parent_cl_ord_id IS NOT NULL;
