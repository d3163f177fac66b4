// logs (bound before down) wrote one file per container with what each printed; down then saved each container's
// whole log, shutdown lines included, in its default directory; and nothing of the project is left on the engine.
def project = 'dsit-kept-logs'
def log = new File(basedir, 'build.log').text
assert log.contains('Tests run: 1, Failures: 0'): 'the failsafe test should have run'
assert log.indexOf('(keep-logs)') >= 0 && log.indexOf('(keep-logs)') < log.indexOf('(stack-down)'): 'logs should run before down'

def expected = [
    'alpha': ['alpha-line-one', 'alpha-line-two'],
    'beta' : ['beta-line-one', 'beta-line-two'],
]
def files = { String dir ->
    def d = new File(basedir, dir)
    assert d.isDirectory(): "${dir} was not written"
    (d.listFiles() as List).collect { it.name }.sort()
}
// alpha writes its second line to stderr: the engine copies stdout and stderr separately, so lines printed at the same
// moment on both may be stored in either order; compare them as a set
def same = { List<String> actual, List<String> lines -> actual.size() == lines.size() && actual.toSorted() == lines.toSorted() }
def names = expected.keySet().collect { "${project}-${it}-1.log".toString() }.sort()

// logs with logDirectory: one file per container, the lines without the column, taken while the stack ran
assert files('target/docker-stack/test-logs') == names
expected.each { service, lines ->
    def text = new File(basedir, "target/docker-stack/test-logs/${project}-${service}-1.log").text
    assert same(text.readLines(), lines): "${service}: ${text}"
}

// down's saveLogsOnDown: the whole log once the container had stopped, so the shutdown line is in
assert files('target/docker-stack/logs') == names
expected.each { service, lines ->
    def text = new File(basedir, "target/docker-stack/logs/${project}-${service}-1.log").text
    def actual = text.readLines()
    assert actual && actual.last() == "${service}-stopping".toString() && same(actual.init(), lines): "${service}: ${text}"
}

evaluate(new File(engineCheck)).call(project)
return true
