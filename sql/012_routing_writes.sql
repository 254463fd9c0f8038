-- Routing's writes in the ingest transaction made cheaper (issue #11).

-- 1. Committed changes are numbered by the process that wrote them (`ChangeAppends`), told from
-- within the process after its commit, instead of by every process woken by a NOTIFY from the
-- writing transaction (004).
--
-- A transaction that notifies takes one database-wide lock from before its commit until after
-- it (PostgreSQL keeps the notification queue in commit order that way): every ingest
-- transaction that created a follow-up or a dispatch committed, flush included, one after the
-- other, and woke the sequencer of every process. Under the routing benchmark, leaving the
-- notification out raised ingest's throughput by a tenth. The numbered changes are still
-- announced to every process (`lodestar_changes`, one notification per numbering pass).
DROP TRIGGER change_log_appended ON change_log;
DROP FUNCTION lodestar_change_appended();

-- 2. A decision names the dispatch and the follow-up that the same transaction created for it
-- (or the open ones it read there, under the contact's lock), and neither dispatches nor
-- follow-ups are ever deleted: the references guarded nothing that can happen. Checking them
-- locked each row (FOR KEY SHARE: a write of the row's header, logged) at every routed commit.
ALTER TABLE decisions DROP CONSTRAINT decisions_dispatch_id_fkey;
ALTER TABLE decisions DROP CONSTRAINT decisions_follow_up_id_fkey;
