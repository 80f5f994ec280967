-- A deletion may name the metric that replaces it (a rename), so callers of the old name
-- are told where to go instead of only that it is gone.
ALTER TABLE query.metric_version ADD COLUMN replaced_by TEXT;
ALTER TABLE query.metric_version
    ADD CONSTRAINT metric_version_replaced_only_when_deleted CHECK (replaced_by IS NULL OR deleted);
