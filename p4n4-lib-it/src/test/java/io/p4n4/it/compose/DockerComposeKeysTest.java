package io.p4n4.it.compose;

/** Compose keys on dockerd ({@code P4N4_TEST_DOCKER_HOST}). */
class DockerComposeKeysTest extends ComposeKeysContract {
    @Override
    protected String engineId() {
        return "docker";
    }

    @Override
    protected String endpointVariable() {
        return "P4N4_TEST_DOCKER_HOST";
    }

    @Override
    protected int recordedExitCodeOfExit3() {
        return 3; // dockerd records the check's own exit code
    }

    @Override
    protected boolean writesFilesIntoAReadOnlyRoot() {
        return false; // dockerd refuses to write into a read-only root file system
    }
}
