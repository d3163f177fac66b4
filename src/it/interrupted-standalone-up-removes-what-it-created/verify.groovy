// A standalone `mvn docker-stack:up` stopped by SIGTERM (what Ctrl-C sends the JVM) while it waits for a
// service's health removes what it had created: containers, network and volume.
import java.util.concurrent.TimeUnit

def project = 'dsit-interrupted'
def log = new File(basedir, 'up.log')
def mvn = new File(System.getProperty('maven.home'), 'bin/mvn').path
def slowRunning = {
    def p = ['docker', 'ps', '-q', '--filter', "label=com.docker.compose.project=${project}",
             '--filter', 'label=com.docker.compose.service=slow', '--filter', 'status=running'].execute()
    def out = p.text.trim()
    p.waitFor()
    !out.isEmpty()
}
try {
    // Maven's launcher execs java, so the signal reaches the JVM and its shutdown hooks
    def up = new ProcessBuilder(mvn, '-B', '-o', 'docker-stack:up').directory(basedir).redirectErrorStream(true)
            .redirectOutput(log).start()
    try {
        long deadline = System.currentTimeMillis() + 120_000
        while (!slowRunning()) {
            assert up.isAlive(): "up ended before the slow service started:\n${log.text}"
            assert System.currentTimeMillis() < deadline: "the slow service did not start within 120 s:\n${log.text}"
            sleep 200
        }
        sleep 500 // up is now waiting for its health
        assert up.isAlive(): "up should still be waiting for the slow service:\n${log.text}"
        up.destroy() // SIGTERM
        assert up.waitFor(90, TimeUnit.SECONDS): "up did not end after SIGTERM:\n${log.text}"
    } finally {
        up.destroyForcibly() // a no-op once it has ended
        up.waitFor(30, TimeUnit.SECONDS)
    }
    def text = log.text
    assert text.contains('that up removed what it had created'): "the guard should say what happened:\n${text}"
    assert text.contains('Removed (rollback)'): "up should have rolled back:\n${text}"
    evaluate(new File(engineCheck)).call(project)
} catch (Throwable failure) {
    // leave nothing behind, also when the check fails
    new ProcessBuilder(mvn, '-B', '-o', '-q', 'docker-stack:down', '-Ddocker-stack.removeVolumes=true').directory(basedir)
            .inheritIO().start().waitFor(120, TimeUnit.SECONDS)
    throw failure
}
return true
