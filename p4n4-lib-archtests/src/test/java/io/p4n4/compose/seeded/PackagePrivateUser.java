package io.p4n4.compose.seeded;

import io.p4n4.compose.internal.seeded.Secret;

/** Allowed counterpart: a class users cannot see may name internal types in public methods. */
final class PackagePrivateUser {

    private PackagePrivateUser() {
    }

    public static Secret secret() {
        return new Secret();
    }
}
