-- Structured logs (issue 10, item 11): an audit row names the HTTP request that
-- wrote it, the same id its log lines carry (X-Request-Id). Additive; rows
-- written outside a request (the data generator, an operator's SQL) keep NULL.
ALTER TABLE "audit_log" ADD COLUMN "request_id" VARCHAR(64);
