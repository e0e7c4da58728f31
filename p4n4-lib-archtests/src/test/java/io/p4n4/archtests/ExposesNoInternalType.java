package io.p4n4.archtests;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.domain.JavaTypeVariable;
import com.tngtech.archunit.core.domain.SourceCodeLocation;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A class's visible surface names no type from an {@code internal} package: its supertypes and type
 * parameter bounds, and the types (with their generic arguments and array components) of every public
 * field, method and constructor, and of protected ones where a subclass can see them (class not final):
 * parameters, return types and declared exceptions.
 */
final class ExposesNoInternalType extends ArchCondition<JavaClass> {

    ExposesNoInternalType() {
        super("expose no type of an internal package in a public signature");
    }

    @Override
    public void check(JavaClass javaClass, ConditionEvents events) {
        Set<JavaClass> supertypes = new LinkedHashSet<>();
        javaClass.getSuperclass().ifPresent(type -> supertypes.addAll(type.getAllInvolvedRawTypes()));
        for (JavaType type : javaClass.getInterfaces()) {
            supertypes.addAll(type.getAllInvolvedRawTypes());
        }
        for (JavaTypeVariable<?> variable : javaClass.getTypeParameters()) {
            supertypes.addAll(variable.getAllInvolvedRawTypes());
        }
        report(javaClass.getName() + " (its declaration)", supertypes, javaClass, javaClass.getSourceCodeLocation(), events);

        for (JavaField field : javaClass.getFields()) {
            if (visible(field, javaClass)) {
                report(field.getFullName(), field.getType().getAllInvolvedRawTypes(), javaClass, field.getSourceCodeLocation(), events);
            }
        }
        for (JavaCodeUnit codeUnit : javaClass.getCodeUnits()) {
            if (visible(codeUnit, javaClass)) {
                report(codeUnit.getFullName(), signatureTypes(codeUnit), javaClass, codeUnit.getSourceCodeLocation(), events);
            }
        }
    }

    private static Set<JavaClass> signatureTypes(JavaCodeUnit codeUnit) {
        Set<JavaClass> types = new LinkedHashSet<>(codeUnit.getReturnType().getAllInvolvedRawTypes());
        for (JavaType parameter : codeUnit.getParameterTypes()) {
            types.addAll(parameter.getAllInvolvedRawTypes());
        }
        for (JavaTypeVariable<?> variable : codeUnit.getTypeParameters()) {
            types.addAll(variable.getAllInvolvedRawTypes());
        }
        types.addAll(codeUnit.getExceptionTypes());
        return types;
    }

    private static boolean visible(JavaMember member, JavaClass owner) {
        if (member.getModifiers().contains(JavaModifier.SYNTHETIC)) {
            return false;
        }
        return member.getModifiers().contains(JavaModifier.PUBLIC)
                || (member.getModifiers().contains(JavaModifier.PROTECTED) && !owner.getModifiers().contains(JavaModifier.FINAL));
    }

    private static void report(String where, Set<JavaClass> types, JavaClass owner, SourceCodeLocation location,
            ConditionEvents events) {
        for (JavaClass type : types) {
            JavaClass base = type.isArray() ? type.getBaseComponentType() : type;
            if (ModuleRoots.isInternal(base.getPackageName())) {
                events.add(SimpleConditionEvent.violated(owner,
                        where + " exposes internal type " + base.getName() + " in " + location));
            }
        }
    }
}
