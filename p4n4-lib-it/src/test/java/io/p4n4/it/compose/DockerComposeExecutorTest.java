package io.p4n4.it.compose;

/** The compose executor on dockerd ({@code P4N4_TEST_DOCKER_HOST}). */
class DockerComposeExecutorTest extends ComposeExecutorContract {
    @Override
    protected String engineId() {
        return "docker";
    }

    @Override
    protected String endpointVariable() {
        return "P4N4_TEST_DOCKER_HOST";
    }
}
