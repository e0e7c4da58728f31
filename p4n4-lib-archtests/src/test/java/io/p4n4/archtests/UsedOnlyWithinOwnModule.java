package io.p4n4.archtests;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.Optional;

/**
 * Every dependency on the class (a call, a field access, a type in a signature, a supertype, an
 * annotation) comes from a class of the same module root. A class outside every module root is reported
 * too, so a new module cannot slip past the rule unregistered.
 */
final class UsedOnlyWithinOwnModule extends ArchCondition<JavaClass> {

    UsedOnlyWithinOwnModule() {
        super("be used only by classes of their own module");
    }

    @Override
    public void check(JavaClass target, ConditionEvents events) {
        Optional<String> root = ModuleRoots.of(target.getPackageName());
        if (root.isEmpty()) {
            events.add(SimpleConditionEvent.violated(target,
                    target.getName() + " lies under no module root of " + ModuleRoots.ALL));
            return;
        }
        for (Dependency dependency : target.getDirectDependenciesToSelf()) {
            String origin = dependency.getOriginClass().getPackageName();
            if (!ModuleRoots.isUnder(origin, root.get())) {
                events.add(SimpleConditionEvent.violated(dependency,
                        "internal " + target.getName() + " of module " + root.get() + " is used from another module: "
                                + dependency.getDescription()));
            }
        }
    }
}
