-- API keys of ingest sources. Only the SHA-256 of a key is stored; the key itself is shown once.
CREATE TABLE api_keys (
    id          UUID PRIMARY KEY,
    name        TEXT        NOT NULL,
    key_hash    CHAR(64)    NOT NULL UNIQUE,
    sources     TEXT[]      NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    revoked_at  TIMESTAMPTZ
);

CREATE INDEX api_keys_name ON api_keys (name);
