-- Run once, when the database container creates its cluster (/docker-entrypoint-initdb.d).
CREATE TABLE proposals (
    id    serial PRIMARY KEY,
    title text    NOT NULL,
    votes integer NOT NULL DEFAULT 0
);
INSERT INTO proposals (title) VALUES
    ('Plus de pistes cyclables'),
    ('Un jardin partagé près de la mairie'),
    ('Des bancs sur la place du marché');
