package io.p4n4.cli.ei;

import io.p4n4.api.clients.edgeimpulse.BoundingBox;
import io.p4n4.api.clients.edgeimpulse.Classification;
import io.p4n4.api.clients.edgeimpulse.InferenceResult;
import io.p4n4.cli.ai.ServiceOptions;
import io.p4n4.clients.EdgeImpulseClientBuilder;
import io.p4n4.clients.ClientFactory;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code p4n4 ei infer FILE}: classify an image or a raw sample. */
@Command(name = "infer", description = "Run inference on an image or a raw sensor sample (CSV).",
        mixinStandardHelpOptions = true)
public final class InferCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ServiceOptions options;

    @Parameters(index = "0", paramLabel = "FILE", description = "Image (.jpg .png .bmp) or sample file.")
    Path file;

    @Override
    public Integer call() {
        try (ClientFactory clients = ServiceOptions.clients(spec)) {
            EdgeImpulseClientBuilder b = options.applyTo(clients.edgeImpulse());
            InferenceResult r = b.build().infer(file);
            if (ServiceOptions.json(spec)) {
                ServiceOptions.printJson(spec, r);
                return 0;
            }
            PrintWriter out = spec.commandLine().getOut();
            for (Classification c : r.classification()) {
                out.printf(Locale.ROOT, "%-24s %6.2f%%%n", c.label(), c.confidence() * 100);
            }
            for (BoundingBox box : r.boundingBoxes()) {
                out.printf(Locale.ROOT, "%-24s %6.2f%%  x=%.1f y=%.1f w=%.1f h=%.1f%n", box.label(), box.confidence() * 100,
                        box.x(), box.y(), box.width(), box.height());
            }
            r.anomaly().ifPresent(a -> out.printf(Locale.ROOT, "anomaly score: %.3f%n", a));
            out.printf(Locale.ROOT, "timing: dsp %.0f ms, classification %.0f ms, anomaly %.0f ms%n",
                    r.timing().dsp(), r.timing().classification(), r.timing().anomaly());
            return 0;
        }
    }
}
