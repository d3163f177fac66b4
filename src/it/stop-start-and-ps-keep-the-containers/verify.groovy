// stop kept the containers (ps lists them exited), start ran them again in order (ps: running,
// the db healthy), down removed everything.
def project = 'dsit-stop-start'
def log = new File(basedir, 'build.log').text
def stopped = log.substring(log.indexOf(':stop (default-cli)'))
assert stopped =~ /dsit-stop-start-db-1\s+exited/: 'after stop, ps should list db as exited'
assert stopped =~ /dsit-stop-start-web-1\s+exited/: 'after stop, ps should list web as exited'
def started = log.substring(log.indexOf(':start (default-cli)'))
assert started =~ /dsit-stop-start-db-1\s+running\s+healthy/: 'after start, db should be running and healthy'
assert started =~ /dsit-stop-start-web-1\s+running/: 'after start, web should be running'
evaluate(new File(engineCheck)).call(project)
return true
