// Shared by the verify scripts: asserts that the engine holds no container, network or volume of a project.
{ String project ->
    def filter = "label=com.docker.compose.project=${project}"
    def run = { List<String> cmd ->
        def p = cmd.execute()
        def out = new StringBuilder(), err = new StringBuilder()
        p.waitForProcessOutput(out, err)
        assert p.exitValue() == 0: "${cmd.join(' ')} failed: ${err}"
        out.toString().trim()
    }
    def containers = run(['docker', 'ps', '-a', '--filter', filter, '--format', '{{.Names}}'])
    def networks = run(['docker', 'network', 'ls', '--filter', filter, '--format', '{{.Name}}'])
    def volumes = run(['docker', 'volume', 'ls', '--filter', filter, '--format', '{{.Name}}'])
    assert containers.isEmpty(): "containers of ${project} left behind: ${containers}"
    assert networks.isEmpty(): "networks of ${project} left behind: ${networks}"
    assert volumes.isEmpty(): "volumes of ${project} left behind: ${volumes}"
    true
}
