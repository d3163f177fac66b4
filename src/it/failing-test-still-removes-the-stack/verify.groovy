// The test failed, so the build failed in verify; post-integration-test ran down before that.
def project = 'dsit-failing-test'
assert new File(basedir, "target/docker-stack/${project}.properties").exists(): 'up did not run'
assert new File(basedir, 'build.log').text.contains('FailingIT.failsOnPurpose')
evaluate(new File(engineCheck)).call(project)
return true
