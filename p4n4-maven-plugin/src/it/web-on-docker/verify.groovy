// The sample build passed: all four goals ran, the test reached the service through the port property,
// and down left no container, network or volume of the project.
def project = 'mvnit-web-' + itSuffix
def log = new File(basedir, 'build.log').text
assert log.contains('p4n4 validate: project ' + project + ' is valid: 1 services [web]')
assert new File(basedir, 'target/p4n4-compose.yaml').text.contains('hello-from-p4n4-maven-plugin')
assert log.contains('p4n4 up: project ' + project + ' on docker')
def ports = new Properties()
new File(basedir, 'target/p4n4-ports.properties').withInputStream { ports.load(it) }
assert ports['p4n4.web.80'] ==~ /\d+/
assert log =~ /Tests run: 1, Failures: 0, Errors: 0, Skipped: 0.*WebIT/
assert log.contains('p4n4 down: removed 1 containers, 1 networks, 1 volumes')
evaluate(new File(itSources, "leftovers.groovy"))(dockerHost, project)
return true
