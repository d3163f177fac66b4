// Both runs passed (the full stack, then the postgres,redis subset); the engine holds nothing of ports-example.
def log = new File(basedir, 'build.log').text
// the subset run (the last one) printed its containers as docker compose ps does: postgres and redis only
def start = log.lastIndexOf('docker-stack: project ports-example is up')
assert start >= 0: 'no up summary in build.log'
def subset = log.substring(start, log.indexOf('properties set', start))
assert subset.contains('ports-example-postgres-1') && subset.contains('ports-example-redis-1'): subset
assert !subset.contains('ports-example-backend-1') && !subset.contains('ports-example-mongo-1'): subset
evaluate(new File(engineCheck)).call('ports-example')
return true
