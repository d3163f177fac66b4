-- The task queue both platforms share (OFF's Minion keeps its jobs in PostgreSQL the same way).
CREATE TABLE minion_jobs (
    id          bigserial   PRIMARY KEY,
    queue       text        NOT NULL,
    task        text        NOT NULL,
    args        text        NOT NULL DEFAULT '',
    state       text        NOT NULL DEFAULT 'inactive',  -- inactive, finished
    created_by  text        NOT NULL,                     -- the backend's project
    finished_by text,                                     -- the minion's project
    result      text,
    created     timestamptz NOT NULL DEFAULT now(),
    finished    timestamptz
);
CREATE INDEX minion_jobs_queue_state ON minion_jobs (queue, state);
