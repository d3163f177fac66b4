// up failed on the unhealthy service, named it, and removed everything it had created (volume too).
def project = 'dsit-unhealthy'
def log = new File(basedir, 'build.log').text
assert log.contains('sick'): 'the failure should name the service'
assert !log.contains('NeverRunsIT'): 'the tests must not run after a failed up'
evaluate(new File(engineCheck)).call(project)
return true
