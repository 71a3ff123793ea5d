-- web-bff: the desk's users and their refresh tokens
CREATE TABLE users (
    username      text PRIMARY KEY CHECK (username ~ '^[a-z0-9._@-]{1,64}$'),
    password_hash text        NOT NULL,             -- password4j Argon2id, PHC string
    roles         text[]      NOT NULL,             -- viewer, trader, risk, admin
    created_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE refresh_tokens (
    token_hash  bytea PRIMARY KEY,                   -- SHA-256 of the token; the token itself is never stored
    username    text        NOT NULL REFERENCES users (username) ON DELETE CASCADE,
    created_at  timestamptz NOT NULL DEFAULT now(),
    expires_at  timestamptz NOT NULL,
    revoked_at  timestamptz
);
CREATE INDEX refresh_tokens_user ON refresh_tokens (username);
