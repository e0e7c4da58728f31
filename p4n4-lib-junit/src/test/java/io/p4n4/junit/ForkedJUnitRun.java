package io.p4n4.junit;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;

/** The main class of a forked test JVM: runs one test class with the JUnit Platform launcher; exit 0 when green. */
public final class ForkedJUnitRun {
    private ForkedJUnitRun() {
    }

    /** Runs the class named by {@code args[0]}. */
    public static void main(String[] args) {
        Launcher launcher = LauncherFactory.create();
        SummaryGeneratingListener summary = new SummaryGeneratingListener();
        launcher.execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(args[0])).build(), summary);
        summary.getSummary().getFailures().forEach(f -> f.getException().printStackTrace(System.out));
        System.out.println("P4N4-DONE succeeded=" + summary.getSummary().getTestsSucceededCount());
        System.exit(summary.getSummary().getTotalFailureCount() == 0
                && summary.getSummary().getTestsSucceededCount() > 0 ? 0 : 1);
    }
}
