// up pulled 127.0.0.1:<port>/it/busybox:1 from the registry that wants a login (the credentials only in the
// settings.xml's <server>) and ran it; then the registry is stopped, its storage deleted, the pulled tag removed, and
// nothing of the project is left on the engine.
def project = 'dsit-registry-pull'
def dir = new File(basedir, 'registry')
def port = new File(dir, 'port').text.trim()
def image = "127.0.0.1:${port}/it/busybox:1".toString()
def run = { List<String> cmd ->
    def p = cmd.execute()
    def out = new StringBuilder(), err = new StringBuilder()
    p.waitForProcessOutput(out, err)
    [p.exitValue(), out.toString().trim(), err.toString().trim()]
}
try {
    def log = new File(basedir, 'build.log').text
    assert log.contains("Pulling ${image}"): "up did not pull ${image}"
    assert log.contains("Pulled ${image}"): "the pull of ${image} did not succeed"
    assert !log.contains('dsit-pass-4711'): 'the password must not be logged'
    assert new File(basedir, "target/docker-stack/${project}.properties").text.contains("docker-stack.project=${project}")
    evaluate(new File(engineCheck)).call(project)
} finally {
    ProcessHandle.of(new File(dir, 'pid').text.trim() as long).ifPresent { registry ->
        registry.destroy()
        try {
            registry.onExit().get(10, java.util.concurrent.TimeUnit.SECONDS)
        } catch (java.util.concurrent.TimeoutException e) {
            registry.destroyForcibly()
        }
    }
    new File(dir, 'data').deleteDir()
    def (code, out, err) = run(['docker', 'image', 'inspect', image])
    if (code == 0) {
        def (rmi, o, e) = run(['docker', 'rmi', image])
        assert rmi == 0: "docker rmi ${image} failed: ${e}"
    }
    assert run(['docker', 'image', 'inspect', 'busybox:latest'])[0] == 0: 'busybox:latest must survive'
}
return true
