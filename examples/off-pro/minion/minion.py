"""The minion of one platform: takes the tasks of its own MINION_QUEUE from the shared
minion_jobs table (FOR UPDATE SKIP LOCKED: several workers may poll one table), runs them and
marks them finished with its project's name."""
import os
import pathlib
import time

import psycopg2

ENV = os.environ
PROJECT, QUEUE = ENV["COMPOSE_PROJECT_NAME"], ENV["MINION_QUEUE"]


def run(task, args):
    # a stand-in for OFF's tasks (exports, imports of producers' data): it leaves a trace of who ran it
    return f"{task}({args}) by {PROJECT}, producers platform {ENV['PRODUCERS_PLATFORM']}"


def work(conn):
    while True:
        with conn, conn.cursor() as cur:
            cur.execute("SELECT id, task, args FROM minion_jobs WHERE queue = %s AND state = 'inactive' "
                        "ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED", (QUEUE,))
            row = cur.fetchone()
            if row:
                task_id, task, args = row
                cur.execute("UPDATE minion_jobs SET state = 'finished', finished = now(), finished_by = %s, result = %s "
                            "WHERE id = %s", (PROJECT, run(task, args), task_id))
                print(f"{PROJECT} minion: finished task {task_id} ({task}) from {QUEUE}", flush=True)
        pathlib.Path("/tmp/polling").touch()  # the healthcheck: this worker polls its queue
        if not row:
            time.sleep(0.2)


if __name__ == "__main__":
    print(f"{PROJECT} minion: taking tasks from queue {QUEUE}", flush=True)
    while True:
        try:
            work(psycopg2.connect(host=ENV["POSTGRES_HOST"], user=ENV["POSTGRES_USER"],
                                  password=ENV["POSTGRES_PASSWORD"], dbname=ENV["POSTGRES_DB"], connect_timeout=5))
        except (psycopg2.OperationalError, psycopg2.InterfaceError) as e:  # the database went away: connect again
            print(f"{PROJECT} minion: {e}".strip(), flush=True)
            time.sleep(1)
