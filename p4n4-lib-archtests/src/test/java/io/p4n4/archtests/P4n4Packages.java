package io.p4n4.archtests;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaPackage;
import com.tngtech.archunit.lang.AbstractClassesTransformer;
import java.util.Comparator;
import java.util.Set;
import java.util.TreeSet;

/** The packages under {@code io.p4n4} that hold at least one imported class, so rules can be about packages. */
final class P4n4Packages extends AbstractClassesTransformer<JavaPackage> {

    P4n4Packages() {
        super("packages under io.p4n4");
    }

    @Override
    public Iterable<JavaPackage> doTransform(JavaClasses classes) {
        Set<JavaPackage> packages = new TreeSet<>(Comparator.comparing(JavaPackage::getName));
        for (JavaClass javaClass : classes) {
            if (ModuleRoots.isUnder(javaClass.getPackageName(), "io.p4n4")) {
                packages.add(javaClass.getPackage());
            }
        }
        return packages;
    }
}
