// The development and production runs passed; the third run rebuilt the frontend image and nothing else.
// All runs of this project write to one build.log, in order: the third run is the part from its build (default-cli).
def log = new File(basedir, 'build.log').text
def start = log.lastIndexOf(':build (default-cli) @ citizen ---')
assert start >= 0: 'the third run (docker-stack:build) is not in build.log'
def rebuild = log.substring(start)
['citizen-example-prod-backend', 'docker-stack-examples/postgres', 'docker-stack-examples/nginx'].each {
    assert !rebuild.contains(it): "rebuilding the frontend also went through ${it}:\n${rebuild}"
}
assert rebuild.contains('frontend | Step 1/'): "the frontend's Dockerfile did not go through the builder:\n${rebuild}"
assert rebuild.contains('Built image citizen-example-prod-frontend'): "the frontend image was not built:\n${rebuild}"
assert rebuild.contains('1 image(s) of project citizen-example-prod ready'): "not exactly one image:\n${rebuild}"
// The engine holds nothing of either project (images stay, for the layer cache).
evaluate(new File(engineCheck)).call('citizen-example')
evaluate(new File(engineCheck)).call('citizen-example-prod')
return true
