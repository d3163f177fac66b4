"""Settings shared by web.py (django) and worker.py (celery), from the environment (.env)."""
import contextlib
import json
import os

import pika
import psycopg2

DATABASE_URL = os.environ["DATABASE_URL"]
BROKER_URL = os.environ["BROKER_URL"]
QUEUE = os.environ["CELERY_QUEUE"]
DATA_DIR = os.environ["GEOSERVER_DATA_DIR"]


@contextlib.contextmanager
def db():
    """A connection that commits (or rolls back) and closes at the end of the block."""
    conn = psycopg2.connect(DATABASE_URL)
    try:
        with conn:
            yield conn
    finally:
        conn.close()


def broker_channel():
    """A channel on a fresh connection, with the (durable) queue declared."""
    connection = pika.BlockingConnection(pika.URLParameters(BROKER_URL))
    channel = connection.channel()
    channel.queue_declare(queue=QUEUE, durable=True)
    return connection, channel


def to_json(value):
    return json.dumps(value, default=str).encode()
