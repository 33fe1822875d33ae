-- Motcua schema, version 22: the outbox's first index of pending rows (V2's outbox_unsent, every row not yet sent, by
-- id) has had no reader since V15 gave the relay its own (outbox_due, split into two lanes by V18). Every submission
-- still paid for it: two outbox rows (the receipt and the national portal's status), each an entry in it, and the
-- national portal's rows, pending for as long as no portal is configured, never left it.
DROP INDEX outbox_unsent;
