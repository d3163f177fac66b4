// Starts docker-registry on 127.0.0.1:<free port> behind htpasswd (bcrypt) authentication, pushes busybox:latest
// into it as 127.0.0.1:<port>/it/busybox:1 with the docker CLI (logged in under a temporary DOCKER_CONFIG, deleted
// afterwards so only Maven's settings can supply the credentials), then writes for the build: settings.xml with a
// <server> for the registry, .env with REGISTRY, and registry/pid + registry/port for verify.groovy.
def user = 'dsit-user', password = 'dsit-pass-4711'
def dir = new File(basedir, 'registry')
dir.mkdirs()
def run = { List<String> cmd, Map<String, String> env = [:], String stdin = null ->
    def pb = new ProcessBuilder(cmd).redirectErrorStream(true)
    pb.environment().putAll(env)
    def p = pb.start()
    p.outputStream.withStream { if (stdin != null) it.write(stdin.getBytes('UTF-8')) }
    def out = p.inputStream.text
    p.waitFor()
    assert p.exitValue() == 0: "${cmd.join(' ')} failed: ${out}"
    out.trim()
}

int port = new ServerSocket(0).withCloseable { it.localPort }
def host = "127.0.0.1:${port}".toString()
new File(dir, 'htpasswd').text = run(['htpasswd', '-Bbn', user, password]) + '\n'
new File(dir, 'config.yml').text = """\
version: 0.1
log:
  level: warn
storage:
  filesystem:
    rootdirectory: ${new File(dir, 'data').absolutePath}
  delete:
    enabled: true
http:
  addr: ${host}
auth:
  htpasswd:
    realm: dsit
    path: ${new File(dir, 'htpasswd').absolutePath}
"""
def registry = new ProcessBuilder('docker-registry', 'serve', new File(dir, 'config.yml').absolutePath)
        .redirectErrorStream(true).redirectOutput(new File(dir, 'registry.log')).start()
new File(dir, 'pid').text = "${registry.pid()}"
new File(dir, 'port').text = "${port}"
def dockerConfig = new File(dir, 'docker-config')
def image = "${host}/it/busybox:1".toString()
try {
    long deadline = System.currentTimeMillis() + 15_000
    def ready = false
    while (!ready) {
        assert registry.isAlive(): "docker-registry exited: ${new File(dir, 'registry.log').text}"
        assert System.currentTimeMillis() < deadline: "docker-registry did not answer on ${host}"
        try {
            def c = new URL("http://${host}/v2/").openConnection()
            c.connectTimeout = 500
            ready = c.responseCode == 401
        } catch (IOException notYet) {
            Thread.sleep(100)
        }
    }
    dockerConfig.mkdirs()
    def env = [DOCKER_CONFIG: dockerConfig.absolutePath]
    run(['docker', 'login', host, '-u', user, '--password-stdin'], env, password)
    run(['docker', 'tag', 'busybox:latest', image])
    run(['docker', 'push', image], env)
    run(['docker', 'rmi', image]) // only the tag: up has to pull it back
} catch (Throwable e) {
    registry.destroy()
    throw e
} finally {
    dockerConfig.deleteDir()
}

new File(basedir, 'settings.xml').text = """\
<settings>
  <servers>
    <server>
      <id>${host}</id>
      <username>${user}</username>
      <password>${password}</password>
    </server>
  </servers>
</settings>
"""
new File(basedir, '.env').text = "REGISTRY=${host}\n"
return true
