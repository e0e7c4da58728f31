package io.p4n4.it.compose;

/** Pulls, pull_policy and upgrade on Docker ({@code P4N4_TEST_DOCKER_HOST}) with the local registry. */
class DockerComposePullTest extends ComposePullContract {
    @Override
    protected String engineId() {
        return "docker";
    }

    @Override
    protected String endpointVariable() {
        return "P4N4_TEST_DOCKER_HOST";
    }
}
