package io.p4n4.it.compose;

/** Compose keys on Podman's libpod API ({@code P4N4_TEST_PODMAN_HOST}). */
class PodmanComposeKeysTest extends ComposeKeysContract {
    @Override
    protected String engineId() {
        return "podman";
    }

    @Override
    protected String endpointVariable() {
        return "P4N4_TEST_PODMAN_HOST";
    }

    @Override
    protected int recordedExitCodeOfExit3() {
        return 1; // Podman records 1 for every failed check, whatever the check exited with
    }

    @Override
    protected boolean writesFilesIntoAReadOnlyRoot() {
        return true; // Podman writes through the archive endpoint whatever the root
    }
}
