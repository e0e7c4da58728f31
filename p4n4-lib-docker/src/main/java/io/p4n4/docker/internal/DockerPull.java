package io.p4n4.docker.internal;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.PullImageCmd;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.model.AuthConfig;
import com.github.dockerjava.api.model.PullResponseItem;
import io.p4n4.api.EngineException;
import io.p4n4.api.engine.PullListener;
import io.p4n4.api.engine.PullProgress;
import io.p4n4.api.registry.PullFailures;
import io.p4n4.api.registry.RegistryCredentialStore;
import io.p4n4.api.registry.RegistryCredentials;
import java.net.URI;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

/**
 * One image pull over {@code POST /images/create}: sends the registry's credentials (X-Registry-Auth) when the
 * store has some, forwards every stream item (layer id, status, bytes) to the listener, and turns an error item
 * or HTTP error into {@link PullFailures}' error naming the image (or the registry, for credentials).
 */
final class DockerPull {
    private final URI endpoint;
    private final DockerClient streams;
    private final RegistryCredentialStore credentials;
    private final BooleanSupplier closed;

    DockerPull(URI endpoint, DockerClient streams, RegistryCredentialStore credentials, BooleanSupplier closed) {
        this.endpoint = endpoint;
        this.streams = streams;
        this.credentials = credentials;
        this.closed = closed;
    }

    void pull(String image, PullListener listener) {
        if (closed.getAsBoolean()) {
            throw new EngineException(DockerErrors.ENGINE, image, "docker: pull image " + image
                    + " after the engine was closed", null);
        }
        Optional<RegistryCredentials> auth = credentials.findForImage(image);
        ImageReference ref = ImageReference.parse(image);
        AtomicReference<String> error = new AtomicReference<>();
        PullImageCmd cmd = streams.pullImageCmd(ref.repository()).withTag(ref.tag());
        auth.ifPresent(c -> cmd.withAuthConfig(new AuthConfig().withUsername(c.username())
                .withPassword(c.password()).withRegistryAddress(c.registry())));
        try {
            cmd.exec(new ResultCallback.Adapter<PullResponseItem>() {
                @Override
                public void onNext(PullResponseItem item) {
                    if (item.isErrorIndicated()) {
                        error.compareAndSet(null, item.getErrorDetail() != null
                                ? item.getErrorDetail().getMessage() : String.valueOf(item.getStatus()));
                        return;
                    }
                    listener.onProgress(progress(image, item));
                }
            }).awaitCompletion();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EngineException(DockerErrors.ENGINE, image, "docker: pull of " + image + " was interrupted", e);
        } catch (DockerException e) {
            throw PullFailures.of(DockerErrors.ENGINE, image, "Docker answered HTTP " + e.getHttpStatus() + ": "
                    + DockerErrors.serverMessage(e), auth, credentials);
        } catch (RuntimeException e) {
            if (isTransport(e)) {
                throw DockerErrors.wrap(endpoint, "pull image", image, e);
            }
            // docker-java rethrows the stream's failure as another exception type: the server's text is in it
            throw PullFailures.of(DockerErrors.ENGINE, image, DockerErrors.serverMessage(e), auth, credentials);
        }
        if (error.get() != null) {
            throw PullFailures.of(DockerErrors.ENGINE, image, error.get(), auth, credentials);
        }
    }

    /** Whether the socket failed (engine down), rather than the engine refusing the pull. */
    private static boolean isTransport(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.io.IOException) {
                return true;
            }
        }
        return false;
    }

    private static PullProgress progress(String image, PullResponseItem item) {
        long current = 0;
        long total = 0;
        if (item.getProgressDetail() != null) {
            current = item.getProgressDetail().getCurrent() == null ? 0 : item.getProgressDetail().getCurrent();
            total = item.getProgressDetail().getTotal() == null ? 0 : item.getProgressDetail().getTotal();
        }
        return new PullProgress(image, item.getId(), item.getStatus(), current, total);
    }
}
