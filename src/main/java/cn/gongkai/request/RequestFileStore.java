package cn.gongkai.request;

import cn.gongkai.platform.PersonalDataCipher;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Keeps a request's files encrypted at rest (SM4-GCM, name and content) and gives them back decrypted. */
@Component
@Transactional
class RequestFileStore {

    private final RequestFiles files;
    private final PersonalDataCipher cipher;
    private final Clock clock;

    RequestFileStore(RequestFiles files, PersonalDataCipher cipher, Clock clock) {
        this.files = files;
        this.cipher = cipher;
        this.clock = clock;
    }

    RequestFile save(Long requestId, FileRule.Upload upload, String actor) {
        return files.save(new RequestFile(requestId, upload.rule(), cipher.encrypt(upload.filename()),
                upload.contentType(), upload.data().length, cipher.encryptBytes(upload.data()), actor,
                Instant.now(clock)));
    }

    @Transactional(readOnly = true)
    List<FileEntry> list(Long requestId, FileRule kind) {
        return files.findStored(requestId, kind).stream().map(f -> new FileEntry(f.id(),
                cipher.decrypt(f.filenameCipher()), f.contentType(), f.size())).toList();
    }

    @Transactional(readOnly = true)
    Optional<Download> open(Long requestId, FileRule kind, Long fileId) {
        return files.findByIdAndRequestIdAndKind(fileId, requestId, kind).map(f -> new Download(f.getId(),
                cipher.decrypt(f.getFilenameCipher()), f.getContentType(), cipher.decryptBytes(f.getDataCipher())));
    }

    /** Removes a file; false when the request has no such file. */
    boolean remove(Long requestId, FileRule kind, Long fileId) {
        return files.findByIdAndRequestIdAndKind(fileId, requestId, kind).map(f -> {
            files.delete(f);
            return true;
        }).orElse(false);
    }

    /** A file as listed: its name, type and size. */
    record FileEntry(Long id, String name, String contentType, long size) {

        public String typeLabel() {
            return FileRule.label(contentType);
        }

        public String sizeLabel() {
            return size < 1024 ? size + " B" : size < 1024 * 1024 ? (size / 1024) + " KB"
                    : String.format("%.1f MB", size / 1024.0 / 1024.0);
        }
    }

    /** A file to hand out. */
    record Download(Long id, String filename, String contentType, byte[] data) {
    }
}
