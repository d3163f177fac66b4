def project = 'dsit-separate-down'
assert new File(basedir, "target/docker-stack/${project}.properties").text.contains('docker-stack.web.port.8080=')
evaluate(new File(engineCheck)).call(project)
return true
