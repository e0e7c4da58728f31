package io.p4n4.it.compose;

/** The compose executor on Podman's libpod API ({@code P4N4_TEST_PODMAN_HOST}). */
class PodmanComposeExecutorTest extends ComposeExecutorContract {
    @Override
    protected String engineId() {
        return "podman";
    }

    @Override
    protected String endpointVariable() {
        return "P4N4_TEST_PODMAN_HOST";
    }
}
