package io.p4n4.archtests;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;

/**
 * One slice per p4n4 package, with an {@code internal} package (and everything below it) folded into
 * its parent: {@code io.p4n4.compose.exec} and {@code io.p4n4.compose.exec.internal} are one slice, since
 * a package and its own implementation may call each other. Classes outside {@code io.p4n4} are ignored.
 */
final class InternalFoldingSlices implements SliceAssignment {

    @Override
    public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
        String packageName = javaClass.getPackageName();
        if (!ModuleRoots.isUnder(packageName, "io.p4n4")) {
            return SliceIdentifier.ignore();
        }
        return SliceIdentifier.of(fold(packageName));
    }

    /** {@code a.b.internal.c} becomes {@code a.b}; a package without an internal segment stays itself. */
    static String fold(String packageName) {
        int at = ("." + packageName + ".").indexOf(".internal.");
        return at < 0 ? packageName : packageName.substring(0, at - 1);
    }

    @Override
    public String getDescription() {
        return "p4n4 packages, each with its internal packages folded in";
    }
}
