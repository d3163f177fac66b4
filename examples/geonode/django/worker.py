"""The "celery" service: takes layer uploads from the queue, computes their
bounding box and stores the layer in the database."""
import json
import pathlib
import socket

import settings

WORKER = f"worker@{socket.gethostname()}"


def process(channel, method, properties, body):
    task = json.loads(body)
    xs = [p[0] for p in task["points"]]
    ys = [p[1] for p in task["points"]]
    with settings.db() as conn, conn.cursor() as cur:
        cur.execute("""INSERT INTO layers (typename, minx, miny, maxx, maxy, point_count, processed_by)
                       VALUES (%s, %s, %s, %s, %s, %s, %s)
                       ON CONFLICT (typename) DO UPDATE SET minx = EXCLUDED.minx, miny = EXCLUDED.miny,
                         maxx = EXCLUDED.maxx, maxy = EXCLUDED.maxy, point_count = EXCLUDED.point_count,
                         processed_by = EXCLUDED.processed_by, processed_at = now()""",
                    (task["typename"], min(xs), min(ys), max(xs), max(ys), len(xs), WORKER))
    # acknowledged only once stored: a crash before this line redelivers the task
    channel.basic_ack(delivery_tag=method.delivery_tag)
    print(f"{WORKER}: stored {task['typename']} ({len(xs)} points)", flush=True)


if __name__ == "__main__":
    connection, channel = settings.broker_channel()
    channel.basic_qos(prefetch_count=1)
    channel.basic_consume(queue=settings.QUEUE, on_message_callback=process)
    pathlib.Path("/tmp/worker-ready").touch()  # the healthcheck's signal
    print(f"{WORKER}: consuming from {settings.QUEUE}", flush=True)
    channel.start_consuming()
