package io.p4n4.it.compose;

/** The upstream iot stack on Podman. */
class PodmanUpstreamIotTest extends UpstreamIotContract {
    @Override
    protected String engineId() {
        return "podman";
    }

    @Override
    protected String endpointVariable() {
        return "P4N4_TEST_PODMAN_HOST";
    }
}
