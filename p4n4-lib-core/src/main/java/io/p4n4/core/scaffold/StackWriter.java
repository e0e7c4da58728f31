package io.p4n4.core.scaffold;

import io.p4n4.api.ErrorCode;
import io.p4n4.api.P4n4Exception;
import io.p4n4.api.project.StackDefinition;
import io.p4n4.api.project.StackFile;
import io.p4n4.api.spi.StackProvider;
import io.p4n4.compose.files.AtomicFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Writes one stack's files into its folder: templates rendered, static files copied, empty folders
 * created with a {@code .gitkeep}. Everything comes from the provider's resources, never the network.
 * Thread-safe.
 */
public final class StackWriter {
    private final Supplier<TemplateRenderer> renderer;

    private StackWriter(Supplier<TemplateRenderer> renderer) {
        this.renderer = renderer;
    }

    /** A writer rendering with {@code renderer}. */
    public static StackWriter of(TemplateRenderer renderer) {
        Objects.requireNonNull(renderer, "renderer");
        return new StackWriter(() -> renderer);
    }

    /**
     * A writer that creates its renderer on first use: starting the template engine costs a few
     * hundred milliseconds of class loading, which commands that never scaffold should not pay.
     */
    public static StackWriter create() {
        return new StackWriter(new Supplier<>() {
            private volatile TemplateRenderer instance;

            @Override
            public TemplateRenderer get() {
                TemplateRenderer r = instance;
                if (r == null) {
                    synchronized (this) {
                        r = instance;
                        if (r == null) {
                            r = TemplateRenderer.create();
                            instance = r;
                        }
                    }
                }
                return r;
            }
        });
    }

    /**
     * Writes the files of {@code stack} under {@code stackDirectory}, and its version into {@code VERSION},
     * replacing files of the same name.
     *
     * @return the files written, in order
     */
    public List<Path> write(Path stackDirectory, StackDefinition stack, StackProvider provider,
            TemplateContext context) {
        return write(stackDirectory, stack, provider, context, true);
    }

    /**
     * Writes like {@link #write(Path, StackDefinition, StackProvider, TemplateContext)}, but with
     * {@code replaceVersion} false an existing {@code VERSION} is kept: when only missing files are written, the
     * files the project kept are still of the version it names, and validate must go on checking that one.
     *
     * @return the files written, in order
     */
    public List<Path> write(Path stackDirectory, StackDefinition stack, StackProvider provider,
            TemplateContext context, boolean replaceVersion) {
        List<Path> written = new ArrayList<>();
        for (StackFile file : stack.files()) {
            Path target = stackDirectory.resolve(file.path());
            try {
                if (file.kind() == StackFile.Kind.DIRECTORY) {
                    Files.createDirectories(target);
                    Path keep = target.resolve(".gitkeep");
                    AtomicFiles.write(keep, new byte[0], AtomicFiles.SHARED);
                    written.add(keep);
                    continue;
                }
                Files.createDirectories(target.getParent());
                byte[] content = read(provider, stack, file);
                if (file.kind() == StackFile.Kind.TEMPLATE) {
                    String text = renderer.get().render(file.resource(), new String(content, StandardCharsets.UTF_8),
                            context.asMap());
                    AtomicFiles.write(target, text.getBytes(StandardCharsets.UTF_8), AtomicFiles.SHARED);
                } else {
                    AtomicFiles.write(target, content, AtomicFiles.SHARED);
                }
                written.add(target);
            } catch (IOException e) {
                throw new P4n4Exception(ErrorCode.GENERAL, "cannot write " + target + ": " + e.getMessage(), e);
            }
        }
        Path version = stackDirectory.resolve("VERSION"); // checked against the supported range by validate
        if (!replaceVersion && Files.exists(version)) {
            return written;
        }
        try {
            Files.createDirectories(stackDirectory);
            AtomicFiles.write(version, (stack.version() + "\n").getBytes(StandardCharsets.UTF_8), AtomicFiles.SHARED);
        } catch (IOException e) {
            throw new P4n4Exception(ErrorCode.GENERAL, "cannot write " + version + ": " + e.getMessage(), e);
        }
        written.add(version);
        return written;
    }

    private static byte[] read(StackProvider provider, StackDefinition stack, StackFile file) throws IOException {
        try (InputStream in = provider.openResource(file.resource()).orElseThrow(() -> new P4n4Exception(
                ErrorCode.GENERAL, "stack " + stack.id() + " of provider " + provider.id() + " lists "
                        + file.resource() + " but the resource is missing; the provider jar is damaged"))) {
            return in.readAllBytes();
        }
    }
}
