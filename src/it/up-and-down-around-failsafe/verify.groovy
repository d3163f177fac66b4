// The build passed (the tests reached every service); the engine holds nothing of the project.
def project = 'dsit-around-failsafe'
assert new File(basedir, "target/docker-stack/${project}.properties").text.contains("docker-stack.web.port.8080=")
evaluate(new File(engineCheck)).call(project)
return true
