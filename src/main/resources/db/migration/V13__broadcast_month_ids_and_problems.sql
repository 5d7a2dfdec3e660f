-- The first and last record id scheduled in each month (any outcome, corrections too), summed by
-- MonthTotals with the month totals: the range a signed report names ("records: 1..9") without
-- reading the index of every record of the period (a year of the 1.5 M record benchmark: 0.1-0.5 s).
-- Derived like the totals: verify-report checks the signed range against the records themselves.
CREATE TABLE broadcast_month_ids (
    month_index INT    NOT NULL PRIMARY KEY,   -- as broadcast_month_total.month_index
    first_id    BIGINT NOT NULL,
    last_id     BIGINT NOT NULL
);

-- The totals are summed anew from the first record, so the ranges cover the whole log: the next
-- fold sees a time zone that is not the commune's and starts again (reports count from the records
-- until it is done).
UPDATE broadcast_month_total_mark SET last_record_id = 0, time_zone = '' WHERE id = 1;

-- The other outcomes' records of each month by outcome and reason code, or by free-text reason for
-- a record without a code (logs from before codes): what a report lists under "problems", summed
-- with the totals. Reading a year's problem records from the log took 0.25-0.6 s in the benchmark.
CREATE TABLE broadcast_month_problem (
    month_index   INT           NOT NULL,
    outcome       VARCHAR(20)   NOT NULL,
    reason_code   VARCHAR(40)   NOT NULL,   -- '' for none
    reason_digest VARCHAR(64)   NOT NULL,   -- SHA-256 of the reason of a record without a code, '' otherwise
    reason        VARCHAR(1000),            -- that reason (null when coded, or none given)
    records       BIGINT        NOT NULL,
    PRIMARY KEY (month_index, outcome, reason_code, reason_digest)
);
