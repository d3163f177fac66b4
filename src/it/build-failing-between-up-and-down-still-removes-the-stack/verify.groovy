// A goal failed after up, so Maven never ran down; the plugin took the stack down when the build ended.
def project = 'dsit-abort-guard'
def log = new File(basedir, 'build.log').text
assert log.contains('does-not-exist.yaml'): 'the build should fail in the integration-test phase'
assert !log.contains('docker-stack:down'): 'down must not have run as a goal'
assert log.contains('The build ended before the down of'): 'the abort guard should say what it does'
evaluate(new File(engineCheck)).call(project)
return true
