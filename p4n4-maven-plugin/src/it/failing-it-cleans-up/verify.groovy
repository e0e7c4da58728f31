// The sample build failed, for the integration test's reason (after the test had reached the service), and
// p4n4:down ran before the failure ended the build, leaving no container, network or volume of the project.
def project = 'mvnit-failing-' + itSuffix
def log = new File(basedir, 'build.log').text
assert log.contains('P4N4-IT-EXPECTED-FAILURE after the service answered hello-from-p4n4-maven-plugin')
assert log =~ /Tests run: 1, Failures: 1, Errors: 0, Skipped: 0.*FailingIT/
def down = log.indexOf('p4n4 down: removed 1 containers, 1 networks, 1 volumes')
def failure = log.indexOf('BUILD FAILURE')
assert down > 0 && failure > down : 'p4n4:down must run before the failed test fails the build'
assert log.contains('There are test failures')
evaluate(new File(itSources, "leftovers.groovy"))(dockerHost, project)
return true
