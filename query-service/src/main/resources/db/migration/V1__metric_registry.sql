-- Every version of every metric definition, append-only. The latest row per name is the
-- live definition (or a deletion). The id is a global change counter every instance polls.
CREATE TABLE query.metric_version (
    id           BIGSERIAL PRIMARY KEY,
    name         TEXT        NOT NULL,
    version      INTEGER     NOT NULL,
    definition   JSONB,
    deleted      BOOLEAN     NOT NULL DEFAULT FALSE,
    content_hash TEXT,
    author       TEXT        NOT NULL,
    origin       TEXT        NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT metric_version_name_version UNIQUE (name, version),
    CONSTRAINT metric_version_definition_unless_deleted CHECK (deleted OR definition IS NOT NULL)
);

CREATE INDEX metric_version_origin ON query.metric_version (name, origin, id DESC);
