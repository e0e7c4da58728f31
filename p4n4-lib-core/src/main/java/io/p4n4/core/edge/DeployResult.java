package io.p4n4.core.edge;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What {@link ModelDeployer} did.
 *
 * @param model the model file now active in {@code models/} and {@code EI_MODEL_FILE}
 * @param previous the model that was active before, or {@code null} when {@code .env} named none that existed
 * @param keptForRollback the model kept in {@code models/.previous/} for {@link ModelDeployer#rollback}, or
 *     {@code null} when none is kept
 * @param container the runner container recreated with the new model
 */
public record DeployResult(String model, @Nullable String previous, @Nullable String keptForRollback,
        String container) {

    /** {@link #keptForRollback()} as an Optional. */
    public Optional<String> findKeptForRollback() {
        return Optional.ofNullable(keptForRollback);
    }
}
