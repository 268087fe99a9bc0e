"""The audit log: who changed what, when. Services call log_action(); nothing is ever deleted from it."""
