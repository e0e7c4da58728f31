package io.p4n4.it.compose;

/** Pulls, pull_policy and upgrade on Podman ({@code P4N4_TEST_PODMAN_HOST}) with the local registry. */
class PodmanComposePullTest extends ComposePullContract {
    @Override
    protected String engineId() {
        return "podman";
    }

    @Override
    protected String endpointVariable() {
        return "P4N4_TEST_PODMAN_HOST";
    }
}
