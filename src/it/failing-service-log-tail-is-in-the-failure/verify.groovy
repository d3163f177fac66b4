// up failed on broken (exit 3): the failure carries the tail of broken's log, every container's log and inspect
// document were saved under target/docker-stack/diagnostics/<project>/ before the rollback, and nothing is left.
import groovy.json.JsonSlurper

def project = 'dsit-failing-tail'
def distinctive = 'dsit-tail: the database password file is missing'
def log = new File(basedir, 'build.log').text
assert log.contains('broken'): 'the failure should name the service'
assert log.readLines().any { it.startsWith('[ERROR]') && it.contains(distinctive) }: 'the failure should carry the last lines of the failed service log'
assert !log.contains('broken-first-line'): 'the failure should carry only the tail of a long log'
assert !log.contains('NeverRunsIT'): 'the tests must not run after a failed up'

def dir = new File(basedir, "target/docker-stack/diagnostics/${project}")
assert dir.isDirectory(): "${dir} was not written"
assert log.contains("docker-stack/diagnostics/${project}"): 'the failure should name the diagnostics directory'
def names = (dir.listFiles() as List).collect { it.name }
def broken = "${project}-broken-1"
assert names.contains("${broken}.log".toString()) && names.contains("${broken}.inspect.json".toString()): "${names}"

def brokenLog = new File(dir, "${broken}.log").text
assert brokenLog.contains('broken-first-line'): 'the saved log should be whole, not only its tail'
assert brokenLog.contains('filler-199')
assert brokenLog.contains(distinctive)
def inspect = new JsonSlurper().parse(new File(dir, "${broken}.inspect.json"))
assert inspect.State.ExitCode == 3: "exit code in the inspect document: ${inspect.State}"
assert inspect.Name == "/${broken}".toString()

// the container started before broken failed has its files too
def bystander = "${project}-bystander-1"
assert names.contains("${bystander}.log".toString()) && names.contains("${bystander}.inspect.json".toString()): "${names}"
assert new File(dir, "${bystander}.log").text.contains('bystander-is-up')

evaluate(new File(engineCheck)).call(project)
return true
