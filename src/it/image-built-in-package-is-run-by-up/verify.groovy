// build made the image once in package, up ran it, the tests reached it; then nothing of the project is left, the image and
// the layers of its build stages included (all labelled io.github.dockerstack.it=image-built-in-package).
def project = 'dsit-image-built-in-package'
def image = "${project}/web:it"
def run = { List<String> cmd ->
    def p = cmd.execute()
    def out = new StringBuilder(), err = new StringBuilder()
    p.waitForProcessOutput(out, err)
    [p.exitValue(), out.toString().trim(), err.toString().trim()]
}
try {
    def log = new File(basedir, 'build.log').text
    assert log.contains("Built image ${image}"): "docker-stack:build did not build ${image}"
    assert log.count("Building image ${image}") == 1: "${image} was built more than once"
    assert new File(basedir, "target/docker-stack/${project}.properties").text.contains("docker-stack.mirror.port.8080=")
    evaluate(new File(engineCheck)).call(project)
} finally {
    def (code, out, err) = run(['docker', 'rmi', image])
    assert code == 0: "docker rmi ${image} failed: ${err}"
    def filter = 'label=io.github.dockerstack.it=image-built-in-package'
    run(['docker', 'images', '-a', '-q', '--filter', filter]).get(1).readLines().unique().each { run(['docker', 'rmi', it]) }
    def left = run(['docker', 'images', '-a', '-q', '--filter', filter]).get(1)
    assert left.isEmpty(): "layers of the build left behind: ${left}"
}
return true
