-- The marketplace's test data (dmp-contained's mount/test_data.sql), loaded once by the
-- postgres entrypoint from /docker-entrypoint-initdb.d when the data volume is new.
CREATE TABLE frameworks (
    slug   text PRIMARY KEY,
    name   text NOT NULL,
    status text NOT NULL
);
CREATE TABLE suppliers (
    id          integer PRIMARY KEY,
    name        text NOT NULL,
    description text NOT NULL
);
CREATE TABLE services (
    id             bigint PRIMARY KEY,
    supplier_id    integer NOT NULL REFERENCES suppliers (id),
    framework_slug text NOT NULL REFERENCES frameworks (slug),
    lot            text NOT NULL,
    name           text NOT NULL,
    price          text NOT NULL
);
CREATE TABLE users (
    email       text PRIMARY KEY,
    name        text NOT NULL,
    role        text NOT NULL,
    supplier_id integer REFERENCES suppliers (id)
);

INSERT INTO frameworks VALUES
    ('g-cloud-12', 'G-Cloud 12', 'live'),
    ('g-cloud-13', 'G-Cloud 13', 'open'),
    ('digital-outcomes-and-specialists-5', 'Digital Outcomes and Specialists 5', 'live');

INSERT INTO suppliers VALUES
    (700001, 'Nimbus Hosting Ltd', 'UK-sovereign cloud hosting and managed Kubernetes.'),
    (700002, 'Ledgerline Software', 'Case management and finance software as a service.'),
    (700003, 'Fieldwork Digital', 'User research and agile delivery teams.');

INSERT INTO services VALUES
    (100000000001, 700001, 'g-cloud-12', 'cloud-hosting',  'Managed Kubernetes platform',   '£0.12 per vCPU hour'),
    (100000000002, 700001, 'g-cloud-12', 'cloud-hosting',  'Object storage (UK regions)',   '£0.02 per GB per month'),
    (100000000003, 700002, 'g-cloud-12', 'cloud-software', 'Casebook case management',      '£9 per user per month'),
    (100000000004, 700002, 'g-cloud-12', 'cloud-software', 'Ledgerline purchase ledger',    '£1,200 per instance per year'),
    (100000000005, 700003, 'g-cloud-12', 'cloud-support',  'Discovery and alpha user research', '£650 per day');

INSERT INTO users VALUES
    ('ops@nimbus.example',   'Nia Hughes',   'supplier', 700001),
    ('sales@ledgerline.example', 'Sam Patel', 'supplier', 700002),
    ('buyer@council.example', 'Bea Jones',   'buyer',    NULL);
