package io.p4n4.agent.score.internal;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * Derives an Ed25519 public key from its 32-byte private key (seed) as RFC 8032 section 5.1.5 says:
 * SHA-512 of the seed, clamp the lower half into the scalar s, compute [s]B on edwards25519 and
 * encode the point (y little-endian, the sign of x in the top bit). The JDK has no call for this.
 *
 * <p>BigInteger arithmetic is not constant-time; it runs once when a publisher loads its signing key,
 * never on agents, so the timing exposure is one local computation per CLI call.
 */
public final class Ed25519PublicKeys {

    private static final BigInteger P = BigInteger.TWO.pow(255).subtract(BigInteger.valueOf(19));
    private static final BigInteger D = BigInteger.valueOf(-121665)
            .multiply(BigInteger.valueOf(121666).modInverse(P)).mod(P);
    private static final BigInteger SQRT_M1 = BigInteger.TWO.modPow(P.subtract(BigInteger.ONE).shiftRight(2), P);
    private static final BigInteger[] BASE = basePoint();

    private Ed25519PublicKeys() {
    }

    /** Returns the 32-byte encoded public key of the 32-byte seed. */
    public static byte[] fromSeed(byte[] seed) {
        if (seed.length != 32) {
            throw new IllegalArgumentException("an Ed25519 private key has 32 bytes, not " + seed.length);
        }
        byte[] h;
        try {
            h = MessageDigest.getInstance("SHA-512").digest(seed);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-512", e);
        }
        byte[] lower = Arrays.copyOf(h, 32);
        lower[0] &= (byte) 248; // clamp: clear the 3 low bits
        lower[31] &= 127; // clear the top bit
        lower[31] |= 64; // set the second-highest bit
        BigInteger s = littleEndian(lower);
        Arrays.fill(h, (byte) 0);
        Arrays.fill(lower, (byte) 0);
        return encode(multiply(s, BASE));
    }

    /** Extended coordinates (X, Y, Z, T), x = X/Z, y = Y/Z, xy = T/Z (RFC 8032 section 5.1.4). */
    private static BigInteger[] add(BigInteger[] p, BigInteger[] q) {
        BigInteger a = p[1].subtract(p[0]).multiply(q[1].subtract(q[0])).mod(P);
        BigInteger b = p[1].add(p[0]).multiply(q[1].add(q[0])).mod(P);
        BigInteger c = BigInteger.TWO.multiply(p[3]).multiply(q[3]).multiply(D).mod(P);
        BigInteger d = BigInteger.TWO.multiply(p[2]).multiply(q[2]).mod(P);
        BigInteger e = b.subtract(a);
        BigInteger f = d.subtract(c);
        BigInteger g = d.add(c);
        BigInteger hh = b.add(a);
        return new BigInteger[] {e.multiply(f).mod(P), g.multiply(hh).mod(P), f.multiply(g).mod(P),
            e.multiply(hh).mod(P)};
    }

    private static BigInteger[] multiply(BigInteger s, BigInteger[] point) {
        BigInteger[] q = {BigInteger.ZERO, BigInteger.ONE, BigInteger.ONE, BigInteger.ZERO};
        BigInteger[] p = point;
        for (int i = 0; i < s.bitLength(); i++) {
            if (s.testBit(i)) {
                q = add(q, p);
            }
            p = add(p, p);
        }
        return q;
    }

    private static byte[] encode(BigInteger[] point) {
        BigInteger zInv = point[2].modInverse(P);
        BigInteger x = point[0].multiply(zInv).mod(P);
        BigInteger y = point[1].multiply(zInv).mod(P);
        byte[] out = new byte[32];
        byte[] be = y.toByteArray();
        for (int i = 0; i < 32 && i < be.length; i++) {
            out[i] = be[be.length - 1 - i];
        }
        if (x.testBit(0)) {
            out[31] |= (byte) 0x80;
        }
        return out;
    }

    /** B: y = 4/5, x the even root (RFC 8032 section 5.1). */
    private static BigInteger[] basePoint() {
        BigInteger y = BigInteger.valueOf(4).multiply(BigInteger.valueOf(5).modInverse(P)).mod(P);
        BigInteger y2 = y.multiply(y);
        BigInteger x2 = y2.subtract(BigInteger.ONE).multiply(D.multiply(y2).add(BigInteger.ONE).modInverse(P)).mod(P);
        BigInteger x = x2.modPow(P.add(BigInteger.valueOf(3)).shiftRight(3), P);
        if (!x.multiply(x).subtract(x2).mod(P).equals(BigInteger.ZERO)) {
            x = x.multiply(SQRT_M1).mod(P);
        }
        if (x.testBit(0)) {
            x = P.subtract(x);
        }
        return new BigInteger[] {x, y, BigInteger.ONE, x.multiply(y).mod(P)};
    }

    private static BigInteger littleEndian(byte[] bytes) {
        byte[] be = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            be[i] = bytes[bytes.length - 1 - i];
        }
        return new BigInteger(1, be);
    }
}
