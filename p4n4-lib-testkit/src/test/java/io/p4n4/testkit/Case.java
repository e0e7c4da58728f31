package io.p4n4.testkit;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * Marks a test class the kit's own tests run through the JUnit platform ({@link #RUN}) to read its outcome;
 * it is disabled anywhere else (an IDE running the whole package, say).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(Case.OnlyWhenRunAsCase.class)
public @interface Case {

    /** Runs {@code caseClass} on the Jupiter engine and returns what happened. */
    Runner RUN = caseClass -> EngineTestKit.engine("junit-jupiter")
            .configurationParameter(OnlyWhenRunAsCase.PARAMETER, "true").selectors(selectClass(caseClass)).execute();

    /** Runs a case class. */
    interface Runner {
        /** Runs {@code caseClass} and returns its events. */
        EngineExecutionResults run(Class<?> caseClass);
    }

    /** Enables a case only under {@link #RUN}. */
    final class OnlyWhenRunAsCase implements ExecutionCondition {
        static final String PARAMETER = "io.p4n4.testkit.case";

        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            return context.getConfigurationParameter(PARAMETER).isPresent()
                    ? ConditionEvaluationResult.enabled("run as a case")
                    : ConditionEvaluationResult.disabled("a case class: run only by the testkit's own tests");
        }
    }
}
