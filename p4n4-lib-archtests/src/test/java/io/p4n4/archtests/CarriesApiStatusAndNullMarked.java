package io.p4n4.archtests;

import com.tngtech.archunit.core.domain.JavaPackage;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.Optional;
import org.apiguardian.api.API;
import org.jspecify.annotations.NullMarked;

/**
 * The package has a {@code package-info.java} that carries {@code @API(status = ...)} and
 * {@code @NullMarked}; an {@code internal} package's status is {@code INTERNAL}. (javac writes no
 * {@code package-info.class} for a package-info without annotations, so a bare one counts as missing.)
 */
final class CarriesApiStatusAndNullMarked extends ArchCondition<JavaPackage> {

    CarriesApiStatusAndNullMarked() {
        super("have a package-info with @API(status = ...) (INTERNAL in internal packages) and @NullMarked");
    }

    @Override
    public void check(JavaPackage javaPackage, ConditionEvents events) {
        String name = javaPackage.getName();
        Optional<API> api = javaPackage.tryGetAnnotationOfType(API.class);
        if (api.isEmpty()) {
            events.add(SimpleConditionEvent.violated(javaPackage, "package " + name + " has no @API status"));
        } else if (ModuleRoots.isInternal(name) && api.get().status() != API.Status.INTERNAL) {
            events.add(SimpleConditionEvent.violated(javaPackage,
                    "package " + name + " is internal but its @API status is " + api.get().status()));
        }
        if (!javaPackage.isAnnotatedWith(NullMarked.class)) {
            events.add(SimpleConditionEvent.violated(javaPackage, "package " + name + " is not @NullMarked"));
        }
    }
}
