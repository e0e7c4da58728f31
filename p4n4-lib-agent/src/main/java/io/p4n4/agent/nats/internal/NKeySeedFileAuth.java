package io.p4n4.agent.nats.internal;

import io.nats.client.AuthHandler;
import io.nats.client.NKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Arrays;

/**
 * Signs the server's nonce with the NKey seed in a file, read at each connection (so a replaced file is
 * used on the next one) and cleared from memory after use. jnats' own handlers take the seed in memory.
 */
public final class NKeySeedFileAuth implements AuthHandler {

    private final Path seedFile;

    /** Returns a handler for the seed in {@code seedFile}. */
    public NKeySeedFileAuth(Path seedFile) {
        this.seedFile = seedFile;
    }

    @Override
    public byte[] sign(byte[] nonce) {
        NKey key = key();
        try {
            return key.sign(nonce);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot sign with the NKey seed in " + seedFile, e);
        } finally {
            key.clear();
        }
    }

    @Override
    public char[] getID() {
        NKey key = key();
        try {
            return key.getPublicKey();
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("the NKey seed in " + seedFile + " is not a valid seed", e);
        } finally {
            key.clear();
        }
    }

    @Override
    public char[] getJWT() {
        return null;
    }

    private NKey key() {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(seedFile);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the NKey seed file " + seedFile, e);
        }
        CharBuffer chars = StandardCharsets.US_ASCII.decode(ByteBuffer.wrap(bytes));
        Arrays.fill(bytes, (byte) 0);
        int start = 0;
        int end = chars.limit();
        while (start < end && Character.isWhitespace(chars.get(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(chars.get(end - 1))) {
            end--;
        }
        char[] seed = new char[end - start];
        chars.position(start);
        chars.get(seed);
        Arrays.fill(chars.array(), '\0');
        try {
            if (seed.length == 0 || seed[0] != 'S') {
                throw new IllegalStateException(seedFile + " does not hold an NKey seed (a line starting SU...)");
            }
            // the key keeps this array and clears it in NKey.clear()
            return NKey.fromSeed(seed);
        } catch (RuntimeException e) {
            Arrays.fill(seed, '\0');
            throw e instanceof IllegalStateException ? e
                    : new IllegalStateException(seedFile + " does not hold a valid NKey seed", e);
        }
    }
}
