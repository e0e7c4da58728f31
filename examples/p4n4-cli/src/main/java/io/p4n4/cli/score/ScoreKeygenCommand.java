package io.p4n4.cli.score;

import io.p4n4.api.ErrorCode;
import io.p4n4.api.InvalidFileException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import io.p4n4.agent.score.ScoreSigner;
import io.p4n4.agent.score.TrustedKeySet;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import io.p4n4.cli.output.Json;
import io.p4n4.cli.output.OutputMode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code p4n4 score keygen FILE}: writes a new Ed25519 private key to FILE (mode 0600) and prints the
 * public key to put in agents' {@code [trust] ed25519_public_keys}.
 */
@Command(name = "keygen", mixinStandardHelpOptions = true,
        description = "Create an Ed25519 signing key (file mode 0600) and print its public key.")
public final class ScoreKeygenCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "Where to write the private key.")
    Path file;

    @Override
    public Integer call() {
        KeyPair pair = ScoreSigner.generateKeyPair();
        try {
            // created with mode 0600 from the start: the key is never readable by others, not even briefly
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.write(file, (ScoreSigner.encodePrivateKey(pair.getPrivate()) + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (java.nio.file.FileAlreadyExistsException e) {
            throw new InvalidFileException(ErrorCode.USER, file, 0, 0, null,
                    "already exists; choose another file (an existing key is never overwritten)", e);
        } catch (IOException e) {
            throw new InvalidFileException(ErrorCode.USER, file, 0, 0, null, "cannot write: " + e.getMessage(), e);
        }
        String id = TrustedKeySet.keyId(pair.getPublic());
        String publicKey = TrustedKeySet.encode(pair.getPublic());
        if (OutputMode.json(spec)) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("private_key_file", file.toAbsolutePath().toString());
            m.put("key_id", id);
            m.put("public_key", publicKey);
            Json.printDocument(spec.commandLine().getOut(), m);
            return 0;
        }
        spec.commandLine().getOut().println("public key (id " + id + "): " + publicKey);
        return 0;
    }
}
