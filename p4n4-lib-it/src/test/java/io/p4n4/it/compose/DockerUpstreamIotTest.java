package io.p4n4.it.compose;

/** The upstream iot stack on dockerd. */
class DockerUpstreamIotTest extends UpstreamIotContract {
    @Override
    protected String engineId() {
        return "docker";
    }

    @Override
    protected String endpointVariable() {
        return "P4N4_TEST_DOCKER_HOST";
    }
}
