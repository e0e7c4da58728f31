// Run by the reactor build (p4n4-lib-consumers-it) after this project's build: when an endpoint is given,
// the kit must really have run, because a kit that cannot reach its engine skips itself and passes silently.
def endpoint = System.getenv('P4N4_TEST_DOCKER_HOST')
def report = new File(basedir, 'target/surefire-reports/TEST-com.example.enginekit.DockerBackendCompatibilityTest.xml')
assert report.isFile() : "no test report at ${report}"
def suite = new groovy.xml.XmlSlurper().parse(report)
int tests = suite.@tests.toInteger()
int skipped = suite.@skipped.toInteger()
println "engine compatibility kit: ${tests} tests, ${skipped} skipped, endpoint ${endpoint ?: '(none given)'}"
if (endpoint) {
    assert tests > 0 && skipped == 0 : "P4N4_TEST_DOCKER_HOST=${endpoint} is set, but the kit ran ${tests} tests " +
            "(${skipped} skipped): no engine answered there; see build.log"
}
return true
