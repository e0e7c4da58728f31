package io.p4n4.archtests;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
import java.util.Optional;

/** A public class whose enclosing classes are all public too: a type users can name. */
final class VisibleFromOutside extends DescribedPredicate<JavaClass> {

    VisibleFromOutside() {
        super("are visible from outside their package");
    }

    @Override
    public boolean test(JavaClass javaClass) {
        Optional<JavaClass> current = Optional.of(javaClass);
        while (current.isPresent()) {
            if (!current.get().getModifiers().contains(JavaModifier.PUBLIC)) {
                return false;
            }
            current = current.get().getEnclosingClass();
        }
        return true;
    }
}
