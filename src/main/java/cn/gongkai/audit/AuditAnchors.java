package cn.gongkai.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Signed checkpoints of the audit chain's head, appended to a file outside the database
 * ({@code gongkai.audit.anchor-file}). A line is {@code v1 <entry id> <entry hash> <time> <first signed entry id or
 * -> <HMAC-SM3>}, separated by tabs, and is forced to disk before {@link #anchor()} returns. Deleting the newest
 * entries leaves the chain itself intact; the newest checkpoint still names an entry that is no longer there.
 */
@Service
public class AuditAnchors {

    private static final Logger log = LoggerFactory.getLogger(AuditAnchors.class);

    /** One checkpoint. {@code signedFrom} is the first entry with a MAC at that time, null when there was none. */
    record Anchor(long entryId, String hash, Instant at, Long signedFrom) {

        String signedText() {
            return "gongkai/audit/anchor/v1|" + entryId + "|" + hash + "|" + at + "|"
                    + (signedFrom == null ? "-" : signedFrom);
        }
    }

    private final AuditEntries entries;
    private final AuditKey key;
    private final Clock clock;
    private final Path file;

    AuditAnchors(AuditEntries entries, AuditKey key, Clock clock,
            @Value("${gongkai.audit.anchor-file:./data/audit-anchors.log}") Path file) {
        this.entries = entries;
        this.key = key;
        this.clock = clock;
        this.file = file;
    }

    Path file() {
        return file;
    }

    /** Appends a checkpoint of the current head unless the newest checkpoint already names it. */
    @Transactional(readOnly = true)
    public synchronized Optional<Anchor> anchor() {
        Optional<AuditEntry> head = entries.findTopByOrderByIdDesc();
        if (head.isEmpty()) {
            return Optional.empty();
        }
        Optional<Anchor> newest = newest();
        if (newest.isPresent() && newest.get().entryId() == head.get().getId()
                && newest.get().hash().equals(head.get().getHash())) {
            return newest;
        }
        Long signedFrom = entries.findFirstByMacIsNotNullOrderByIdAsc().map(AuditEntry::getId).orElse(null);
        Anchor anchor = new Anchor(head.get().getId(), head.get().getHash(),
                Instant.now(clock).truncatedTo(ChronoUnit.SECONDS), signedFrom);
        String line = String.join("\t", "v1", String.valueOf(anchor.entryId()), anchor.hash(), anchor.at().toString(),
                anchor.signedFrom() == null ? "-" : String.valueOf(anchor.signedFrom()), key.mac(anchor.signedText()))
                + "\n";
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND)) {
                ByteBuffer buffer = ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8));
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the audit checkpoint to " + file.toAbsolutePath(), e);
        }
        return Optional.of(anchor);
    }

    /**
     * The newest checkpoint whose signature holds. Lines that do not parse or whose MAC fails are skipped and
     * logged (a forged or damaged line does not count).
     */
    Optional<Anchor> newest() {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the audit checkpoints in " + file.toAbsolutePath(), e);
        }
        for (int i = lines.size() - 1; i >= 0; i--) {
            Optional<Anchor> anchor = parse(lines.get(i));
            if (anchor.isPresent()) {
                return anchor;
            }
            if (!lines.get(i).isBlank()) {
                log.warn("Audit checkpoint on line {} of {} is malformed or its signature fails; ignored", i + 1,
                        file.toAbsolutePath());
            }
        }
        return Optional.empty();
    }

    private Optional<Anchor> parse(String line) {
        String[] f = line.split("\t");
        if (f.length != 6 || !"v1".equals(f[0])) {
            return Optional.empty();
        }
        try {
            Anchor a = new Anchor(Long.parseLong(f[1]), f[2], Instant.parse(f[3]),
                    "-".equals(f[4]) ? null : Long.valueOf(f[4]));
            return key.verify(a.signedText(), f[5]) ? Optional.of(a) : Optional.empty();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
