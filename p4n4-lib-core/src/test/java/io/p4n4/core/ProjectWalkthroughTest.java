package io.p4n4.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.p4n4.api.ErrorCode;
import io.p4n4.api.project.GeneratedSecret;
import io.p4n4.api.project.RotationPlan;
import io.p4n4.api.project.SecretRow;
import io.p4n4.api.project.StackId;
import io.p4n4.api.project.ValidationReport;
import io.p4n4.core.project.InitOptions;
import io.p4n4.core.project.Project;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The main job through the facade, end to end: init, open from a stack folder, add, validate, secrets.
 * README.md and docs/projects.md show the same calls; p4n4-lib-it's DocSnippetsCompileTest compiles them.
 */
class ProjectWalkthroughTest {
    @TempDir
    Path workspace;

    @Test
    void initOpenAddValidateAndRotateThroughTheFacade() {
        // create a project with the iot and ai stacks (offline: templates come from the jar)
        Project project = P4n4.projects().init(
                InitOptions.of(workspace.resolve("greenhouse"), List.of(StackId.IOT, StackId.AI)));

        // later, from anywhere inside it
        Project found = P4n4.projects().open(workspace.resolve("greenhouse/stacks/iot"));
        found = found.add(StackId.EDGE);           // idempotent; never changes existing .env values

        ValidationReport report = found.validate();
        if (!report.ok()) {
            report.errors().forEach(p -> System.err.println(p.message() + " -> " + p.hint()));
        }
        ErrorCode outcome = report.errorCode();    // OK, USER (manifest), VALIDATION (.env, files) ...

        // secrets: masked rows, fresh values, and a rotation plan you confirm before applying
        List<SecretRow> rows = found.secrets().show();            // values shown as ****
        List<GeneratedSecret> fresh = found.secrets().generate(); // writes nothing
        RotationPlan plan = found.secrets().planRotation();  // setup-only secrets skipped
        plan.warnings().forEach(System.out::println);
        found.secrets().apply(plan);                              // .env updated, comments kept

        assertThat(project.stacks()).containsExactly(StackId.IOT, StackId.AI);
        assertThat(found.stacks()).containsExactly(StackId.IOT, StackId.AI, StackId.EDGE);
        assertThat(outcome).isEqualTo(ErrorCode.OK);
        assertThat(rows).allSatisfy(r -> assertThat(r.masked()).isIn("****", "(empty)"));
        assertThat(fresh).isNotEmpty();
        assertThat(plan.changes()).isNotEmpty();
        assertThat(found.validate().ok()).isTrue();
    }
}
